using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Mend.Web.Features.Reports;

/// <summary>
/// A horizontal bar chart drawn as SVG (no script, so the content security policy holds): each bar carries its label and
/// its value as text, so nothing is told by colour alone; the chart is hidden from assistive technology because the table
/// beside it holds the same figures, with links.
/// </summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<BarChart.Bar> Bars)
{
    public const int Width = 640;
    public const int RowHeight = 46;
    private const int BarSpace = 540;

    public sealed record Bar(string Label, int Value);

    public int Height => Math.Max(1, Bars.Count) * RowHeight + 4;

    /// <summary>The length of a bar in chart units: in proportion to the largest, and at least 2 when the value is above 0.</summary>
    public double Length(int value)
    {
        var largest = Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);
        return largest == 0 || value <= 0 ? 0 : Math.Max(2, Math.Round((double)BarSpace * value / largest, 1));
    }

    /// <summary>The chart's SVG: for each bar, its label above it and its value at its end.</summary>
    public IHtmlContent Svg()
    {
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg viewBox=\"0 0 {Width} {Height}\" width=\"100%\" aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < Bars.Count; i++)
        {
            var (top, length) = (i * RowHeight, Length(Bars[i].Value));
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"mend-chart__label\" x=\"0\" y=\"{top + 15}\">{HtmlEncoder.Default.Encode(Bars[i].Label)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"mend-chart__bar\" x=\"0\" y=\"{top + 21}\" width=\"{length}\" height=\"18\"></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text class=\"mend-chart__value\" x=\"{length + 8}\" y=\"{top + 35}\">{Bars[i].Value}</text>");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }

    public static BarChart Of(string id, string title, IEnumerable<Figure> figures) => new(id, title, figures.Select(f => new Bar(f.Name, f.Count)).ToList());
}
