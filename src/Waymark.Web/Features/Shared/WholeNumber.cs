using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Waymark.Web.Features.Shared;

/// <summary>A number typed into a text box: digits only, so "2.5", "ten" and "1e3" get a clear message rather than a guess.</summary>
public static class WholeNumber
{
    /// <summary>
    /// The number, or null. A blank box is an error only when <paramref name="required"/>; <paramref name="label"/>
    /// names the number in a sentence, e.g. "the number of sessions planned", and <paramref name="subject"/> starts
    /// the error, e.g. "Sessions planned".
    /// </summary>
    public static int? Parse(ModelStateDictionary modelState, string key, string? value, string subject, string label, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                modelState.AddModelError(key, $"Enter {label}");
            }

            return null;
        }

        var digits = text.StartsWith('-') ? text[1..] : text;
        if (digits.Length == 0 || digits.Length > 6 || !digits.All(char.IsAsciiDigit))
        {
            modelState.AddModelError(key, digits.Length > 6 && digits.All(char.IsAsciiDigit)
                ? $"{subject} must be 999999 or less"
                : $"{subject} must be a whole number, like 10");
            return null;
        }

        return int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }
}
