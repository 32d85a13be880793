namespace Plumb.ServiceNow.TableApi;

using System.Text.Json;
using Plumb.ServiceNow.Embed;

/// <summary>
/// Deploys embed records through the Table API: each record is read by its sys_id, then updated (PUT) when present or
/// inserted with that sys_id (POST) when absent, so pushing twice leaves one copy of each record.
/// </summary>
public sealed class RecordPusher(TableApiClient client)
{
    /// <summary>Called with a line per record pushed.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>Pushes the records; returns how many were inserted and updated.</summary>
    public async Task<(int Inserted, int Updated)> PushAsync(IReadOnlyList<EmbedRecord> records, CancellationToken cancellationToken)
    {
        int inserted = 0, updated = 0;
        foreach (var record in records)
        {
            var what = $"{record.Table} '{record.TargetName}'";
            var body = JsonSerializer.Serialize(record.Fields
                .Where(f => f.Key == "sys_id" || !f.Key.StartsWith("sys_", StringComparison.Ordinal))
                .ToDictionary(f => f.Key, f => f.Value.Value));
            var one = new Uri(client.Instance, $"api/now/table/{record.Table}/{record.SysId}?sysparm_fields=sys_id");
            var (status, _) = await client.SendAsync(HttpMethod.Get, one, null, what, cancellationToken);
            if (status == 404)
            {
                var (created, _) = await client.SendAsync(HttpMethod.Post, new Uri(client.Instance, $"api/now/table/{record.Table}"), body, what, cancellationToken);
                if (created == 404) throw new SnowException($"{what}: table {record.Table} does not exist on the instance (404)");
                inserted++;
                Progress?.Invoke($"inserted {what}");
            }
            else
            {
                var (changed, _) = await client.SendAsync(HttpMethod.Put, new Uri(client.Instance, $"api/now/table/{record.Table}/{record.SysId}"), body, what, cancellationToken);
                if (changed == 404) throw new SnowException($"{what}: the record disappeared while pushing (404)");
                updated++;
                Progress?.Invoke($"updated {what}");
            }
        }

        return (inserted, updated);
    }
}
