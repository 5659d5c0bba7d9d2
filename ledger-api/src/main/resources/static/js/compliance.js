// Demands made of a platform and how far it complied; beside them, never merged into them, the claims made about
// its compliance, with conflicting claims side by side.
import {effective, h, instant, money, table} from './format.js';

const FIGURES = [['demands', 'Demands'], ['itemsDemanded', 'Items demanded'], ['itemsComplied', 'Complied with'],
    ['itemsRefused', 'Refused'], ['itemsOutstanding', 'Outstanding'],
    ['demandsWithoutItemCount', 'Demands without an item count']];

function byKind(groups) {
    if (groups.length === 0) {
        return null;
    }
    return table('By kind of demand', ['Kind', ...FIGURES.map(([, title]) => title)],
        groups.map((group) => [group.kind.replaceAll('_', ' ').toLowerCase(),
            ...FIGURES.map(([figure]) => String(group.figures[figure]))]));
}

function byCategory(groups) {
    if (groups.length === 0) {
        return null;
    }
    return table('Items demanded by category (demands that gave a breakdown)', ['Category', 'Items demanded'],
        groups.map((group) => [group.category.replaceAll('_', ' '), String(group.itemsDemanded)]));
}

function claimText(claim) {
    const figure = claim.count ?? (claim.amount ? money(claim.amount.minor, claim.amount.currency) : null)
        ?? (claim.shareComplied ? `${claim.shareComplied.numerator}/${claim.shareComplied.denominator} complied`
            : null);
    const what = claim.metric ? claim.metric.replaceAll('_', ' ') : claim.type.replaceAll('_', ' ').toLowerCase();
    const qualifier = claim.qualifier && claim.qualifier !== 'EXACT' ? `${claim.qualifier.replaceAll('_', ' ')
        .toLowerCase()} ` : '';
    return [`${claim.claimant}: ${what}`, figure != null ? `${qualifier}${figure}` : null,
        claim.asOf ? `as of ${claim.asOf}` : null, claim.assessment].filter(Boolean).join(', ');
}

function claimCard(claim) {
    return h('div', {class: claim.disagrees ? 'claim disagrees' : 'claim', id: `claim-${claim.claimId}`},
        h('p', {}, claimText(claim)), h('p', {class: 'hint'}, `stated ${effective(claim.effective)}`));
}

/** Claims that disagree are shown in one row, side by side; the others one by one, in effective order. */
function claims(list) {
    const shown = new Set();
    const rows = [];
    for (const claim of list) {
        if (shown.has(claim.claimId)) {
            continue;
        }
        const group = [claim, ...list.filter((other) => claim.disagreesWith.includes(other.claimId))];
        group.forEach((member) => shown.add(member.claimId));
        rows.push(h('li', {class: group.length > 1 ? 'conflict' : null},
            group.length > 1 ? h('p', {class: 'conflict-note'}, 'These claims disagree; both are kept:') : null,
            h('div', {class: 'side-by-side'}, group.map(claimCard))));
    }
    if (rows.length === 0) {
        return h('p', {}, 'No claim about its compliance was made in the period.');
    }
    return h('div', {}, h('h3', {}, 'Claims about its compliance'), h('ul', {class: 'claims'}, rows));
}

/** Renders the compliance answer of a platform in a jurisdiction. */
export function renderCompliance(panel, answer) {
    const compliance = answer.compliance;
    const period = compliance.from || compliance.to ? ` issued ${compliance.from ?? 'any time'} to `
        + `${compliance.to ?? 'any time'}` : '';
    const heading = `Demands of ${compliance.jurisdiction} authorities on ${compliance.platform}${period}, on `
        + `${instant(answer.at)}, as known on ${instant(answer.knownAt)}`;
    const totals = compliance.totals;
    panel.querySelector('.content').replaceChildren(...[
        h('h3', {}, heading),
        table('Totals (withdrawn demands apart)', ['Figure', 'Count'],
            [...FIGURES.map(([key, label]) => [label, String(totals[key])]), ['Withdrawn demands',
                String(compliance.withdrawn)]], {class: 'totals'}),
        byKind(compliance.byKind),
        byCategory(compliance.byCategory),
        compliance.demands.length === 0 ? null : h('details', {}, h('summary', {}, `The ${compliance.demands.length}`
                + ' demands'),
            table('Demands', ['Issued', 'Authority', 'Kind', 'Items', 'Complied', 'Refused', 'Status', 'Deadline'],
                compliance.demands.map((demand) => [effective(demand.effective), demand.authority,
                    demand.kind.replaceAll('_', ' ').toLowerCase(), String(demand.items ?? 'not stated'),
                    String(demand.complied), String(demand.refused), demand.status.replaceAll('_', ' ').toLowerCase(),
                    demand.deadline ?? '']))),
        claims(compliance.claims)].filter(Boolean));
}
