package org.citygrid.dashboard.web;

/** The dashboard's endpoints on the embedded H2 (PostgreSQL mode). */
class DashboardApiTests extends DashboardApiContract {
}
