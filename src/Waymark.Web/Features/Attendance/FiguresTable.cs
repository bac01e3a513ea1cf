using Waymark.Domain.Attendance;

namespace Waymark.Web.Features.Attendance;

public sealed record FiguresTableRow(string Group, CohortFigures Figures, string? Href = null, string? Hint = null);

/// <summary>A table of DfE figures, a row per group (see _FiguresTable.cshtml).</summary>
public sealed record FiguresTable(string Id, string Caption, string GroupHeader, IReadOnlyList<FiguresTableRow> Rows);
