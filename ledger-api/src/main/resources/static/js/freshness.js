// Every read answer carries its read model's freshness ("projection"); the page collects the latest one of each
// rather than asking the admin endpoint, which is meant for operators.
import {h, instant} from './format.js';

const latest = new Map();

/** Notes the freshness an answer carried and shows every read model's latest. */
export function noteFreshness(answer) {
    const projection = answer?.projection;
    if (!projection) {
        return;
    }
    latest.set(projection.processor, {projection, answeredAt: new Date().toISOString()});
    render();
}

function render() {
    const rows = [...latest.values()].sort((a, b) => a.projection.processor.localeCompare(b.projection.processor));
    document.querySelector('#freshness tbody').replaceChildren(...rows.map(({projection, answeredAt}) => {
        const behind = (projection.head ?? 0) - (projection.position ?? 0);
        const state = projection.caughtUp ? 'caught up' : `${behind} event${behind === 1 ? '' : 's'} behind`;
        return h('tr', {dataset: {processor: projection.processor, caughtUp: String(projection.caughtUp)}},
            h('th', {scope: 'row'}, projection.processor),
            h('td', {class: 'position'}, `${projection.position ?? 0} / ${projection.head ?? 0}`),
            h('td', {class: projection.caughtUp ? 'fresh' : 'stale'}, state),
            h('td', {}, instant(projection.lastFactRecordedAt ?? projection.lastEntryRecordedAt) || 'none yet'),
            h('td', {}, instant(answeredAt)));
    }));
    const stale = rows.filter(({projection}) => !projection.caughtUp).map(({projection}) => projection.processor);
    document.getElementById('freshness-summary').textContent = stale.length === 0
        ? 'Every read model shown has caught up with the event store.'
        : `Behind the event store: ${stale.join(', ')}. Their answers may miss the latest facts.`;
}
