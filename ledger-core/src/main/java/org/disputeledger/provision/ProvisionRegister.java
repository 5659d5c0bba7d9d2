package org.disputeledger.provision;

import java.util.Locale;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.disputeledger.common.Slug;
import org.disputeledger.provision.event.ProvisionVersionEnacted;

/**
 * The legal provisions the ledger holds, as the rules of other features read them. Each provision of a jurisdiction
 * has one stream, named after its code, so anyone who knows the code can find it.
 */
public final class ProvisionRegister {

    private final EventStore ledger;

    public ProvisionRegister(EventStore ledger) {
        this.ledger = ledger;
    }

    /** The stream of a provision: {@code provision-ru-koap-13-41-p-2} for "KoAP 13.41 p.2" in RU. */
    public static String streamId(String jurisdiction, String code) {
        return "provision-" + jurisdiction.toLowerCase(Locale.ROOT) + "-" + Slug.of(code);
    }

    /** The provision's versions, or empty when the ledger holds none: the provision is not registered. */
    public Optional<ProvisionHistory> find(String jurisdiction, String code) {
        DomainEventStream events = ledger.readEvents(streamId(jurisdiction, code));
        ProvisionHistory history = ProvisionHistory.EMPTY;
        while (events.hasNext()) {
            if (events.next().getPayload() instanceof ProvisionVersionEnacted enacted) {
                history = history.with(enacted);
            }
        }
        return history.versions().isEmpty() ? Optional.empty() : Optional.of(history);
    }
}
