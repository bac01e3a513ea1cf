namespace Waymark.Web.Features.Shared;

public sealed record NavItem(string Text, string Href, bool Current);

/// <summary>A GOV.UK text input bound to one page-model property; <see cref="Id"/> doubles as the form field name.</summary>
public sealed record TextField(string Id, string Label, string? Value, string? Error, string? Hint = null,
    string Type = "text", string? Autocomplete = null, string? CssClass = null, bool Spellcheck = false);

public sealed record SelectOption(string Value, string Text, bool Selected);

public sealed record SelectField(string Id, string Label, IReadOnlyList<SelectOption> Options, string? Error, string? Hint = null);
