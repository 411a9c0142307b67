package org.citygrid.cases.internal.routing;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface RoutingRuleRepository extends ListCrudRepository<RoutingRule, Long> {

    List<RoutingRule> findAllByOrderById();

    List<RoutingRule> findByEnabledTrue();
}
