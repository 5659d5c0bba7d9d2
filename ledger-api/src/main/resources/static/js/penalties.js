// Penalty totals of one legal entity per currency, with a chart of imposed, paid and outstanding over time.
import {read} from './api.js';
import {effective, h, instant, minorPerMajor, money, table} from './format.js';

const FIGURES = [['imposed', 'Imposed'], ['underAppeal', 'Under appeal'], ['inForce', 'In force'],
    ['paid', 'Paid'], ['outstanding', 'Outstanding'], ['referredToEnforcement', 'Referred to bailiffs']];

// A chart costs one read per point: a handful of year ends is enough to show the trend.
const MAX_POINTS = 6;

const charts = [];

function figures(totals) {
    return table(`Totals in ${totals.currency}`, ['Figure', 'Amount', 'Fines'],
        FIGURES.map(([key, label]) => h('tr', {dataset: {figure: key}},
            h('th', {scope: 'row'}, label),
            h('td', {class: 'amount', dataset: {minor: String(totals[key].minor)}}, money(totals[key].minor,
                totals.currency)),
            h('td', {}, String(totals[key].fineIds.length)))));
}

function reported(totals) {
    const claim = totals.reported;
    if (!claim) {
        return h('p', {}, 'No total was reported by an authority or the press.');
    }
    return h('p', {class: claim.disagrees ? 'reported disagrees' : 'reported'},
        `${claim.claimant} reported ${claim.lowerBound ? 'at least ' : ''}`
        + `${money(claim.reportedMinor, totals.currency)}`
        + ` on ${effective(claim.effective)}; the itemised fines add up to ${money(claim.itemisedMinor,
            totals.currency)}`, claim.disagrees ? h('strong', {}, ' - the two disagree.') : '.');
}

function fines(totals) {
    return h('details', {},
        h('summary', {}, `The ${totals.fines.length} fines`),
        table(`Fines in ${totals.currency}`, ['Effective', 'Provision', 'Authority', 'Imposed', 'Paid',
            'Outstanding', 'Status'], totals.fines.map((fine) => [effective(fine.effective), fine.provision ?? '',
            fine.authority ?? '', money(fine.imposedMinor, totals.currency), money(fine.paidMinor, totals.currency),
            money(fine.outstandingMinor, totals.currency), fine.status.replaceAll('_', ' ').toLowerCase()])));
}

/** The year ends from the first fine to the year before the answer's `at`, then `at` itself; at most MAX_POINTS. */
function samplePoints(answer, totals) {
    const first = Math.min(...totals.fines.map((fine) => Number((fine.effective.date ?? fine.effective.instant)
        .substring(0, 4))));
    const last = Number(answer.at.substring(0, 4));
    const points = [];
    for (let year = Math.max(first, last - MAX_POINTS + 1); year < last; year++) {
        points.push(`${year}-12-31`);
    }
    points.push(answer.at);
    return points;
}

async function series(entity, answer, currency, points) {
    // The same knownAt for every point: the chart shows one state of the log, even while it grows.
    const answers = await Promise.all(points.slice(0, -1).map((at) =>
        read(`/api/v1/entities/${encodeURIComponent(entity)}/penalties`, {at, knownAt: answer.knownAt})));
    answers.push(answer);
    return answers.map((each) => each.penalties.currencies.find((c) => c.currency === currency));
}

async function chart(entity, answer, totals) {
    const points = samplePoints(answer, totals);
    const values = await series(entity, answer, totals.currency, points);
    const labels = points.map((point) => point.substring(0, 10));
    const scale = minorPerMajor(totals.currency);
    // Lines may coincide (nothing paid: outstanding is imposed), so each has its own dash and the later ones are
    // drawn on top.
    const lines = [['imposed', 'Imposed', [], '#0b57d0'], ['paid', 'Paid', [8, 4], '#116329'],
        ['outstanding', 'Outstanding', [3, 3], '#a4000f']];
    const rows = labels.map((label, i) => [label, ...lines.map(([key]) => money(values[i]?.[key].minor ?? 0,
        totals.currency))]);
    const canvas = h('canvas', {role: 'img', 'aria-label': `Imposed, paid and outstanding ${totals.currency} at `
            + `${labels.join(', ')}; the same figures are in the table below`});
    const figure = h('figure', {class: 'chart', dataset: {currency: totals.currency}},
        h('div', {class: 'chart-box'}, canvas),
        h('figcaption', {}, `${totals.currency} over time (in major units), as known on ${instant(answer.knownAt)}`),
        h('details', {}, h('summary', {}, 'The figures of the chart'),
            table(`${totals.currency} at each point`, ['At', ...lines.map(([, label]) => label)], rows)));
    if (window.Chart) {
        charts.push(new window.Chart(canvas, {
            type: 'line',
            data: {
                labels, datasets: lines.map(([key, label, dash, colour], i) => ({
                    label, borderDash: dash, borderColor: colour, backgroundColor: colour, order: lines.length - i,
                    data: values.map((value) => (value?.[key].minor ?? 0) / scale),
                })),
            },
            options: {
                animation: false, maintainAspectRatio: false, scales: {y: {beginAtZero: true}},
                // the legend follows the drawing order; reversed, it reads imposed, paid, outstanding
                plugins: {legend: {reverse: true}},
            },
        }));
    } else {
        canvas.replaceWith(h('p', {class: 'error'}, 'The chart library did not load; the figures are below.'));
    }
    return figure;
}

/** Renders the totals of an entity, then the charts, which need a few more reads. */
export async function renderPenalties(panel, entity, answer) {
    charts.splice(0).forEach((old) => old.destroy());
    const content = panel.querySelector('.content');
    const penalties = answer.penalties;
    const heading = `${penalties.legalEntity} on ${instant(answer.at)}, as known on ${instant(answer.knownAt)}`;
    if (penalties.currencies.length === 0) {
        content.replaceChildren(h('p', {class: 'empty'}, `${heading}: the ledger knew of no fine.`));
        return;
    }
    const sections = penalties.currencies.map((totals) => h('div', {class: 'currency', dataset: {currency:
            totals.currency}}, h('h3', {}, `${heading}, in ${totals.currency}`), figures(totals), reported(totals),
        fines(totals), h('div', {class: 'chart-slot'})));
    content.replaceChildren(...sections);
    for (const [i, totals] of penalties.currencies.entries()) {
        sections[i].querySelector('.chart-slot').replaceWith(await chart(entity, answer, totals));
    }
}
