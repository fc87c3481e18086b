// Cost of a sale per channel. Twin of macros/calc/cost_of_sale.py.
export function compute(v) {
  const rate = v.conversion / 100;
  if (rate <= 0) return { errors: { conversion: "zero_conversion" } };
  const leads = Math.ceil(v.target / rate - 1e-9);
  const channels = ["social", "search"].map((channel) => {
    const costPerLead = v[`${channel}_cpl`];
    const perSale = costPerLead / rate;
    return {
      channel,
      cost_per_lead: costPerLead,
      cost_per_sale: perSale,
      budget: leads * costPerLead,
      share_of_sale: (100 * perSale) / v.average_sale,
    };
  });
  const cheaper = channels.reduce((a, b) => (b.cost_per_sale < a.cost_per_sale ? b : a));
  return {
    leads,
    channels,
    cheaper: cheaper.channel,
    cheaper_cost_per_sale: cheaper.cost_per_sale,
    cheaper_budget: cheaper.budget,
    over_price: cheaper.cost_per_sale >= v.average_sale,
  };
}
