using System.Diagnostics;
using System.Globalization;
using Mend.Web.Features.Documents;
using Mend.Web.Platform.Documents;
using Microsoft.Extensions.Logging.Abstractions;
using UglyToad.PdfPig;

namespace Mend.Bench;

/// <summary>
/// documents --out MD [--rows 120] [--repeats 20] [--at-once 20] [--max-at-once 2]: a court progress report from the
/// shipped starter template, filled with enough attendance to run to about ten pages, made as DOCX (OpenXml) and as PDF
/// (LibreOffice headless), one at a time and <c>at-once</c> together through Mend's converter (at most max-at-once
/// LibreOffice processes, as Mend:Pdf:MaxAtOnce). Writes the timings to MD.
/// </summary>
public static class DocumentScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        var rows = options.Int("rows", 120);
        var repeats = options.Int("repeats", 20);
        var atOnce = options.Int("at-once", 20);
        var maxAtOnce = options.Int("max-at-once", 2);
        var starter = StarterTemplates.All.Value.Single(s => s.Key == "court-progress-report");
        var template = TemplateWriter.Write(starter.Source, "OFFICIAL-SENSITIVE");
        var values = Values(rows);

        var docx = WordTemplate.Fill(template, values);
        var docxTimes = Time(repeats, () => WordTemplate.Fill(template, values));
        var converter = new PdfConverter(new PdfSettings { MaxAtOnce = maxAtOnce, TimeoutSeconds = 300 }.Validated(), NullLogger<PdfConverter>.Instance);
        if (!converter.IsAvailable)
        {
            Console.Error.WriteLine("LibreOffice (soffice) is not installed: install libreoffice-writer-nogui.");
            return 1;
        }

        var first = await converter.ToPdfAsync(docx, CancellationToken.None);
        using var read = PdfDocument.Open(first.Pdf!);
        var pages = read.NumberOfPages;
        var pdfTimes = new List<double>();
        for (var i = 0; i < Math.Min(repeats, 5); i++)
        {
            var watch = Stopwatch.StartNew();
            _ = await converter.ToPdfAsync(docx, CancellationToken.None);
            pdfTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        var together = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, atOnce).Select(_ => converter.ToPdfAsync(docx, CancellationToken.None)));
        together.Stop();
        var failed = results.Count(r => r.Failure is not null);

        var md = string.Join('\n',
            $"# Documents benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC",
            "",
            $"A court progress report from the shipped template with {rows} attendance rows: {pages} pages, DOCX {docx.Length / 1024} KB, PDF {first.Pdf!.Length / 1024} KB.",
            $"Machine: {Environment.ProcessorCount} cores. LibreOffice at most {maxAtOnce} at once (Mend:Pdf:MaxAtOnce).",
            "",
            "| What | Median | Slowest |",
            "|---|---|---|",
            $"| DOCX filled (OpenXml), {repeats} runs | {Median(docxTimes):0.0} ms | {docxTimes.Max():0.0} ms |",
            $"| PDF made (LibreOffice headless, own process and profile), {pdfTimes.Count} runs | {Median(pdfTimes):0} ms | {pdfTimes.Max():0} ms |",
            $"| {atOnce} PDFs asked for at once | {together.Elapsed.TotalSeconds:0.0} s in all | {failed} failed |",
            "");
        var output = options.Required("out");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, md);
        Console.WriteLine(md);
        return failed == 0 ? 0 : 1;
    }

    private static TemplateValues Values(int rows)
    {
        var values = new TemplateValues().Set("child.name", "Jordan Pryce").Set("child.dateOfBirth", "4 May 2011").Set("case.reference", "RJ-2026-00001")
            .Set("order.name", "Youth rehabilitation order").Set("order.decidedBy", "Exampletown Youth Court").Set("order.decidedOn", "2 October 2026")
            .Set("order.endsOn", "1 October 2027").Set("order.compliance", "Warned (1)").Set("order.attended", rows.ToString(CultureInfo.InvariantCulture))
            .Set("order.missed", "3").Set("order.warningsInPeriod", "1").Set("worker.name", "Sam Patel").Set("worker.role", "Restorative justice worker")
            .Set("service.name", "Exampletown Youth Justice Service").Set("today", "1 December 2026");
        for (var i = 0; i < 5; i++)
        {
            values.Add("offences").Set("offence.description", "Criminal damage: damage to a shop shutter and window").Set("offence.date", $"{i + 1} September 2026");
            values.Add("requirements").Set("item.what", "Activity").Set("item.detail", "Sports mentoring with the partner agency, weekly").Set("item.amount", "30 days");
            values.Add("plan").Set("activity.title", "Positive Steps programme").Set("activity.owner", "Exampletown Positive Steps").Set("activity.progress", "Going well");
            values.Add("processes").Set("process.kind", "Conference").Set("process.outcome", "Completed");
            values.Add("assessments").Set("assessment.person", "Young person").Set("assessment.risk", "Medium").Set("assessment.recommendation", "Proceed with conditions")
                .Set("assessment.decidedOn", "1 October 2026");
            values.Add("victimViews").Set("view.victim", "The shop owner").Set("view.recordedOn", "3 October 2026")
                .Set("view.text", "I want him to understand what the damage cost me, and I would like him to help repaint the shutter.");
        }

        for (var i = 0; i < rows; i++)
        {
            values.Add("attendance").Set("appointment.date", $"{1 + (i % 28)} November 2026 at 4:00pm").Set("appointment.purpose", "Supervision with the case worker")
                .Set("appointment.attendance", i % 9 == 4 ? "Unacceptable absence" : "Attended").Set("appointment.reason", i % 9 == 4 ? "No reason given" : "");
        }

        values.Add("hours").Set("hours.what", "Reparation").Set("hours.ordered", "20").Set("hours.done", "8").Set("hours.left", "12");
        return values;
    }

    private static List<double> Time(int repeats, Action action)
    {
        action();
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
}
