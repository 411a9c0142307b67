/**
 * The thin cross-cutting layer every module shares: security, the web shell and its error pages, RFC 9457 problem
 * details, request logging and the domain exception types that map to them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.citygrid.platform;
