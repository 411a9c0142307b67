/** 综合评价 — comprehensive evaluation: figures, rates, scores and grades of departments, people and regions. */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation")
package org.citygrid.evaluation;
