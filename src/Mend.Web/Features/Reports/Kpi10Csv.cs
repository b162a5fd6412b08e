using System.Globalization;

namespace Mend.Web.Features.Reports;

/// <summary>The KPI 10 case-level extract as CSV: one row per victim counted, cells that would start a formula neutralised.</summary>
public static class Kpi10Csv
{
    public static byte[] Write(Kpi10Return result)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvHelper.CsvWriter(text, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture)
        {
            InjectionOptions = CsvHelper.Configuration.InjectionOptions.Escape,
        }))
        {
            foreach (var header in new[]
                     {
                         "victim_id", "victim_type", "child_id", "case_id", "offence", "offence_gravity", "intervention_ended", "consented", "consented_on",
                         "view_sought_before_decision", "rj_started", "rj_ended", "rj_engaged", "progress_requested_on", "progress_provided_on",
                         "support_requested_on", "support_provided_on",
                     })
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            static string D(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
            foreach (var row in result.Rows)
            {
                var f = row.Facts;
                foreach (var value in new[]
                         {
                             f.VictimPersonId.ToString(), f.VictimType, f.ChildId.ToString(), f.CaseId.ToString(), f.Offence,
                             f.OffenceGravity.ToString(CultureInfo.InvariantCulture), D(f.InterventionEnded), row.Consented ? "yes" : "no", D(row.ConsentedOn),
                             f.ViewSoughtBeforeDecision ? "yes" : "no", D(f.RjStarted), D(f.RjEnded), row.Engaged ? "yes" : "no", D(f.ProgressRequestedOn),
                             D(f.ProgressProvidedOn), D(f.SupportRequestedOn), D(f.SupportProvidedOn),
                         })
                {
                    csv.WriteField(value);
                }

                csv.NextRecord();
            }
        }

        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }
}
