/**
 * 公众门户 — the public portal: citizens report without signing in, follow their report by a tracking code, rate
 * the result, and see a coarse public map; guarded by token buckets, a honeypot and a signed minimum fill time.
 */
package org.citygrid.intake.portal;
