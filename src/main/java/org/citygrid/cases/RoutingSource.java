package org.citygrid.cases;

/** Where a dispatch suggestion comes from, in the order the routing policy asks them. */
public enum RoutingSource {
    /** 派遣规则: an administrator's rule for the class and region. */
    RULE,
    /** 部件养护单位: the department that maintains the component the case names. */
    COMPONENT_MAINTAINER,
    /** 部件权属单位: the department that owns the component the case names. */
    COMPONENT_OWNER,
    /** 类别默认部门: the catalog's default department of the case's class. */
    CLASS_DEFAULT
}
