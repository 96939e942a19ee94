using Dapper;
using RiskMap.Data.Imports;

namespace RiskMap.Data.Timeliness;

/// <summary>
/// Records what an indicator import delivered (<c>indicator_deliveries</c>, migration 0026): per indicator, region and
/// quarter of its staged values, in the import's transaction, so a delivery exists exactly when the batch does.
/// </summary>
public static class DeliveryLog
{
    /// <summary>Call with the batch's values in <c>observation_staging</c>, before the quarantine holds any back.</summary>
    public static Task RecordAsync(ImportContext context) => context.Connection.ExecuteAsync("""
        INSERT INTO indicator_deliveries (import_batch_id, indicator_code, entity_level, region_kato, period, value_count, received_at)
        SELECT @batchId, v.indicator_code, v.entity_level, v.region_kato, v.period, count(*), now()
        FROM (SELECT st.indicator_code, st.entity_level, st.period,
                     CASE st.entity_level WHEN 'school' THEN s.region_kato ELSE left(st.entity_code, 2) || '0000000' END AS region_kato
              FROM observation_staging st
              LEFT JOIN schools s ON st.entity_level = 'school' AND s.code = st.entity_code) v
        WHERE v.region_kato IS NOT NULL
        GROUP BY v.indicator_code, v.entity_level, v.region_kato, v.period
        """, new { batchId = context.BatchId }, context.Transaction);
}
