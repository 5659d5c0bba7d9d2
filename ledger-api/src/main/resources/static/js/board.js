// The status board: every platform the ledger knows in a jurisdiction, de jure (ordered) beside de facto
// (observed), at one point of effective time as known at one point of recorded time.
import {effective, h, instant, sourceLink} from './format.js';

function restriction(item) {
    const scope = item.scope;
    const parts = [item.kind.toLowerCase()];
    if (scope) {
        const share = [scope.mobilePercent != null ? `mobile ${scope.mobilePercent}%` : null,
            scope.fixedPercent != null ? `fixed ${scope.fixedPercent}%` : null,
            scope.addressesBlocked != null ? `${scope.addressesBlocked} addresses` : null,
            scope.description].filter(Boolean).join(', ');
        if (share) {
            parts.push(`(${share})`);
        }
    }
    parts.push(`since ${effective(item.since)}`);
    if (item.authority) {
        parts.push(`by ${item.authority}`);
    }
    if (item.legalBasis) {
        parts.push(`under ${item.legalBasis}`);
    }
    return h('li', {}, parts.join(' '), sources(item.sources));
}

// The sources the fact was recorded with, as links where they have a web address.
function sources(list) {
    if (!list || list.length === 0) {
        return '';
    }
    return h('span', {class: 'sources'}, ' (source: ',
        list.flatMap((source, i) => i === 0 ? [sourceLink(source)] : [', ', sourceLink(source)]), ')');
}

function threat(item) {
    return h('li', {}, `${item.kind.toLowerCase()} threatened since ${effective(item.since)}`
        + (item.authority ? ` by ${item.authority}` : '') + (item.condition ? ` unless ${item.condition}` : ''),
        sources(item.sources));
}

function list(items, render) {
    return items.length === 0 ? h('span', {class: 'none'}, 'none') : h('ul', {}, items.map(render));
}

function deFacto(observed) {
    if (!observed) {
        return h('span', {class: 'none'}, 'no observation');
    }
    return h('span', {},
        h('span', {class: 'badge observed'}, observed.observedState.replaceAll('_', ' ').toLowerCase()),
        ` since ${effective(observed.since)}`, observed.observer ? ` (observed by ${observed.observer})` : '',
        sources(observed.sources));
}

/** Renders the board; onSelect(platform) is called when the reader asks for a platform's details. */
export function renderBoard(panel, answer, selected, onSelect) {
    const caption = `Platforms in ${answer.jurisdiction} on ${instant(answer.at)}, as the ledger knew them on `
        + instant(answer.knownAt);
    const content = panel.querySelector('.content');
    if (answer.platforms.length === 0) {
        content.replaceChildren(h('p', {class: 'empty'}, `${caption}: the ledger knew of no platform there then.`));
        return;
    }
    const rows = answer.platforms.map((status) => h('tr',
        {dataset: {platform: status.platform, state: status.state}, class: status.platform === selected ? 'selected'
                : null},
        h('th', {scope: 'row'}, status.platform),
        h('td', {}, h('span', {class: `badge state-${status.state.toLowerCase()}`}, status.state),
            status.since ? ` since ${effective(status.since)}` : ''),
        h('td', {}, list(status.restrictions, restriction)),
        h('td', {}, list(status.threats, threat)),
        h('td', {}, deFacto(status.deFacto)),
        h('td', {}, h('button', {type: 'button', 'aria-pressed': String(status.platform === selected),
            onclick: () => onSelect(status.platform)}, `Details of ${status.platform}`))));
    content.replaceChildren(h('table', {class: 'board'},
        h('caption', {}, caption),
        h('thead', {}, h('tr', {}, ['Platform', 'De jure (ordered)', 'Restrictions in force', 'Threats',
            'De facto (observed)', ''].map((title) => h('th', {scope: 'col'}, title)))),
        h('tbody', {}, rows)));
}
