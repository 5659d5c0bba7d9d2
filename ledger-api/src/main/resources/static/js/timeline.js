// The timeline of a platform or a legal entity: its events in effective order, each with its sources and its
// links to the events it answers, reverses or corrects.
import {effective, h, instant, sourceLink} from './format.js';

function eventLink(eventId) {
    return h('a', {href: `#event-${eventId}`}, eventId.substring(0, 8));
}

function relationText(relation) {
    return relation.replaceAll('_', ' ').toLowerCase();
}

function entry(item) {
    const relations = [
        ...item.links.map((link) => h('li', {}, `${relationText(link.relation)} `, eventLink(link.eventId))),
        ...item.linkedFrom.map((link) => h('li', {}, eventLink(link.eventId), ` ${relationText(link.relation)} this`)),
    ];
    return h('li', {id: `event-${item.eventId}`, class: item.retracted ? 'entry retracted' : 'entry',
            dataset: {type: item.type}},
        h('p', {class: 'when'}, h('time', {}, effective(item.effective)), ' ',
            h('span', {class: 'type'}, item.type), ' ',
            h('span', {class: `badge confidence-${item.confidence.toLowerCase()}`}, item.confidence.toLowerCase()),
            item.jurisdiction ? ` ${item.jurisdiction}` : '',
            item.retracted ? h('strong', {}, ' retracted') : ''),
        h('p', {}, item.summary ?? ''),
        h('p', {class: 'sources'}, 'Sources: ', item.sources.flatMap((source, i) => i === 0 ? [sourceLink(source)]
            : ['; ', sourceLink(source)])),
        relations.length ? h('ul', {class: 'links', 'aria-label': 'Linked events'}, relations) : null,
        item.curations.length ? h('p', {class: 'hint'}, `${item.curations.length} curation(s) known`) : null,
        h('p', {class: 'hint'}, `recorded ${instant(item.recordedAt)}`));
}

/**
 * Renders the first page of a timeline (append false) or adds the next one; more(cursor) is called when the reader
 * asks for the page after it.
 */
export function renderTimeline(panel, answer, append, more) {
    const content = panel.querySelector('.content');
    const subject = answer.subject.platform ?? answer.subject.legalEntity;
    let list = content.querySelector('ol.entries');
    if (!append || !list) {
        list = h('ol', {class: 'entries'});
        content.replaceChildren(
            h('h3', {}, `Timeline of ${subject} up to ${instant(answer.at)}, as known on ${instant(answer.knownAt)}`),
            list);
    }
    list.append(...answer.timeline.entries.map(entry));
    content.querySelector('button.more')?.remove();
    if (answer.timeline.entries.length === 0 && !append) {
        list.replaceWith(h('p', {class: 'empty'}, 'The ledger knew of no event of it then.'));
    }
    if (answer.timeline.next) {
        content.append(h('button', {type: 'button', class: 'more', onclick: () => more(answer.timeline.next)},
            'Show later events'));
    }
}
