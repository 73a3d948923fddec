// Generates a warehouse-style script: DDL, INSERT…SELECT with joins, CTEs, CASE, window functions,
// views, MERGE and UPDATE, in a repeating pattern with fresh names so the catalog keeps growing.
export function warehouseScript(targetBytes: number): string {
  const parts: string[] = []
  let size = 0
  for (let i = 0; size < targetBytes; i++) {
    const s = `
CREATE TABLE stg_orders_${i} (order_id bigint, customer_id bigint, product_id bigint, qty int, price numeric(12,2), order_ts timestamp, status varchar(20));
CREATE TABLE dim_customer_${i} (customer_id bigint, name varchar(200), segment varchar(50), region varchar(50), valid_from date);

INSERT INTO fact_sales_${i} (order_id, customer_id, product_id, revenue, order_day, segment_rank)
WITH recent AS (
  SELECT o.order_id, o.customer_id, o.product_id, o.qty * o.price AS revenue, CAST(o.order_ts AS date) AS order_day
  FROM stg_orders_${i} o
  WHERE o.status <> 'CANCELLED' AND o.order_ts >= DATE '2024-01-01'
)
SELECT r.order_id, r.customer_id, r.product_id,
       CASE WHEN c.segment = 'VIP' THEN r.revenue * 0.9 WHEN c.segment = 'NEW' THEN r.revenue * 1.05 ELSE r.revenue END AS revenue,
       r.order_day,
       ROW_NUMBER() OVER (PARTITION BY c.segment ORDER BY r.revenue DESC) AS segment_rank
FROM recent r
JOIN dim_customer_${i} c ON c.customer_id = r.customer_id
LEFT JOIN dim_product p ON p.product_id = r.product_id
WHERE c.region IN (SELECT region FROM active_regions WHERE enabled = 1);

CREATE OR REPLACE VIEW v_customer_revenue_${i} AS
SELECT c.customer_id, c.name, SUM(f.revenue) AS total_revenue, COUNT(*) AS orders, MAX(f.order_day) AS last_day
FROM fact_sales_${i} f JOIN dim_customer_${i} c ON c.customer_id = f.customer_id
GROUP BY c.customer_id, c.name
HAVING SUM(f.revenue) > 100;

MERGE INTO customer_summary t
USING (SELECT customer_id, total_revenue, orders FROM v_customer_revenue_${i}) s
ON t.customer_id = s.customer_id
WHEN MATCHED THEN UPDATE SET total_revenue = s.total_revenue, orders = t.orders + s.orders
WHEN NOT MATCHED THEN INSERT (customer_id, total_revenue, orders) VALUES (s.customer_id, s.total_revenue, s.orders);

UPDATE dim_customer_${i} d SET segment = 'VIP'
FROM v_customer_revenue_${i} v WHERE v.customer_id = d.customer_id AND v.total_revenue > 10000;
`
    parts.push(s)
    size += s.length
  }
  return parts.join('')
}
