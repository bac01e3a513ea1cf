using Waymark.Domain.Calendar;

namespace Waymark.Domain.Attendance;

public enum TermName
{
    Autumn,
    Spring,
    Summer,
}

public readonly record struct Term(AcademicYear Year, TermName Name, DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public override string ToString() => $"{Name} term {Year}";
}

/// <summary>
/// Terms as DfE's census counts them (EES methodology §4.1): autumn to 31 December, spring to
/// Easter Sunday, summer from Easter Monday to the end of the academic year. Schools' own term dates
/// differ by a few days; these keep every school's "this term" comparable.
/// </summary>
public static class SchoolTerms
{
    public static Term For(AcademicYear year, TermName name)
    {
        var easter = EasterSunday(year.StartYear + 1);
        return name switch
        {
            TermName.Autumn => new Term(year, name, year.Start, new DateOnly(year.StartYear, 12, 31)),
            TermName.Spring => new Term(year, name, new DateOnly(year.StartYear + 1, 1, 1), easter),
            _ => new Term(year, name, easter.AddDays(1), year.End),
        };
    }

    public static Term Containing(DateOnly date)
    {
        var year = AcademicYear.Containing(date);
        return new[] { TermName.Autumn, TermName.Spring, TermName.Summer }.Select(n => For(year, n)).First(t => t.Contains(date));
    }

    public static Term Previous(Term term) => term.Name switch
    {
        TermName.Summer => For(term.Year, TermName.Spring),
        TermName.Spring => For(term.Year, TermName.Autumn),
        _ => For(new AcademicYear(term.Year.StartYear - 1), TermName.Summer),
    };

    /// <summary>Western Easter Sunday, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
