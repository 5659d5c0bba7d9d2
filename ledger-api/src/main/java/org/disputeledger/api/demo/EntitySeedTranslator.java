package org.disputeledger.api.demo;

import java.util.List;
import java.util.Set;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;
import org.disputeledger.entity.command.DesignateEntity;
import org.disputeledger.entity.command.RecordAssetSeizure;
import org.disputeledger.entity.command.RenameEntity;
import org.springframework.stereotype.Component;

/** Turns the seed's facts about legal entities into commands on the entity's stream. */
@Component
public class EntitySeedTranslator implements SeedTranslator {

    @Override
    public Set<String> eventTypes() {
        return Set.of("EntityRenamed", "OrganizationDesignated", "AssetsSeized");
    }

    @Override
    public List<LedgerCommand> translate(SeedRow row, SeedContext context) {
        return List.of(switch (row.eventType()) {
            case "EntityRenamed" -> renaming(row, context);
            case "OrganizationDesignated" -> designation(row, context);
            case "AssetsSeized" -> seizure(row, context);
            default -> throw new SeedRowRefused(row.id() + ": " + row.eventType() + " is not a legal-entity fact");
        });
    }

    /** The entity keeps the id of its old name, so its earlier fines and designations stay attached to it. */
    private static RenameEntity renaming(SeedRow row, SeedContext context) {
        String oldName = row.attribute("old_name")
                .orElseThrow(() -> new SeedRowRefused(row.id() + " names no old_name"));
        String newName = row.attribute("new_name")
                .orElseThrow(() -> new SeedRowRefused(row.id() + " names no new_name"));
        return new RenameEntity(context.legalEntityId(oldName), oldName, newName, context.envelope(row));
    }

    /**
     * A designated organisation that is not one of the seed's legal entities (Open Russia) is named by its subject
     * attribute and gets an entity id made from that name.
     */
    private static DesignateEntity designation(SeedRow row, SeedContext context) {
        String designation = row.attribute("designation")
                .orElseThrow(() -> new SeedRowRefused(row.id() + " names no designation"));
        String subject = row.attribute("subject").orElse(null);
        String legalEntityId;
        if (hasLegalEntity(row)) {
            legalEntityId = context.legalEntityId(row.legalEntity());
        } else if (subject != null) {
            legalEntityId = Slug.of(subject);
        } else {
            throw new SeedRowRefused(row.id() + " names neither a legal entity nor a subject to designate");
        }
        return new DesignateEntity(legalEntityId, row.authorityName().orElse(null), designation, row.jurisdiction(),
                subject, context.envelope(row));
    }

    private static RecordAssetSeizure seizure(SeedRow row, SeedContext context) {
        if (!hasLegalEntity(row)) {
            throw new SeedRowRefused(row.id() + " names no legal entity whose assets were seized");
        }
        String authority = row.authorityName()
                .orElseThrow(() -> new SeedRowRefused(row.id() + " names no authority that seized the assets"));
        if (row.summary() == null || row.summary().isBlank()) {
            throw new SeedRowRefused(row.id() + " has no summary to describe what was seized");
        }
        return new RecordAssetSeizure(context.legalEntityId(row.legalEntity()), authority, row.jurisdiction(),
                row.summary(), context.envelope(row));
    }

    private static boolean hasLegalEntity(SeedRow row) {
        return row.legalEntity() != null && !row.legalEntity().isBlank();
    }
}
