namespace Waymark.Web.Imports;

/// <summary>One reason a file cannot be imported, naming the line and column so the sender can fix it.</summary>
public sealed record ImportProblem(int Line, string? Column, string Reason)
{
    public override string ToString() => Column is null ? $"line {Line}: {Reason}" : $"line {Line}, column {Column}: {Reason}";
}

public sealed record ImportResult(int RowsRead, int Added, int Updated, int Unchanged, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}
