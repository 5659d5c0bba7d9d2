package org.disputeledger.api.replica;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The read replica in {@code /actuator/health} ({@code readReplica}): UP while reads go to it, UNKNOWN while they go
 * to the primary (stale, unreachable, not in recovery, not measured yet). Never DOWN: the primary answers every read
 * correctly without it, so a replica in trouble is no reason to take this node out of a load balancer. Read from the
 * last check; it queries nothing.
 */
final class ReadReplicaHealthIndicator implements HealthIndicator {

    private final ReadReplica replica;

    ReadReplicaHealthIndicator(ReadReplica replica) {
        this.replica = replica;
    }

    @Override
    public Health health() {
        ReadReplica.Route route = replica.route();
        Health.Builder health = route.onReplica() ? Health.up() : Health.unknown();
        health.withDetail("reads", route.onReplica() ? "replica" : "primary");
        if (!route.onReplica()) {
            health.withDetail("reason", route.fallback().label());
        }
        if (route.lag() != null) {
            health.withDetail("lagSeconds", route.lag().toMillis() / 1000.0);
        }
        return health.withDetail("maxStalenessSeconds", replica.maxStaleness().toMillis() / 1000.0).build();
    }
}
