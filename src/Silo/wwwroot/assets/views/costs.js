import { byId, money } from '../dom.js';

/** Fills the cost panel: run rate per hour, day and month, budget and month-end forecast. */
export function renderCosts(costs) {
  const currency = costs.currency;
  byId('cost-hourly').textContent = money(costs.hourly, currency);
  byId('cost-daily').textContent = money(costs.daily, currency);
  byId('cost-monthly').textContent = money(costs.monthly, currency);
  byId('cost-month-to-date').textContent = typeof costs.monthToDate === 'number' ? money(costs.monthToDate, currency) : '–';
  byId('cost-budget').textContent = costs.budget ? `${money(costs.budget.monthly, currency)} / month` : 'none set';
  const forecast = byId('cost-forecast');
  forecast.textContent = costs.forecast ? `${money(costs.forecast.monthEnd, currency)} at month end` : '–';
  forecast.dataset.status = costs.forecast?.status ?? 'ok';
  const bar = byId('budget-bar');
  bar.hidden = !(costs.budget?.monthly > 0 && typeof costs.forecast?.monthEnd === 'number');
  if (!bar.hidden) {
    const share = costs.forecast.monthEnd / costs.budget.monthly;
    const fill = byId('budget-fill');
    fill.style.width = `${Math.min(100, Math.round(share * 100))}%`;
    bar.dataset.status = costs.forecast.status ?? 'ok';
    bar.title = `${Math.round(share * 100)} % of budget forecast`;
  }
}
