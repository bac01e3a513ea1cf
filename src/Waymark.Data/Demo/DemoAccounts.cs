using Waymark.Domain.People;

namespace Waymark.Data.Demo;

/// <summary>
/// The sign-ins of the fictional demo local authority. Everything the demo generator writes is
/// invented (Eastmoor Council does not exist, and nor do its schools, children or staff), so the
/// shared password below protects nothing real. It must never be used for a real account.
/// </summary>
public static class DemoAccounts
{
    /// <summary>The password of every demo account. Fictional demo data only.</summary>
    public const string Password = "waymark-demo-passphrase";

    /// <summary>The e-mail domain of the demo accounts (reserved by RFC 2606, so it can never reach anyone).</summary>
    public const string EmailDomain = "eastmoor.example";

    internal enum Placement
    {
        LocalAuthority,
        FirstPrimary,
        FirstSecondary,
    }

    internal sealed record Definition(string LocalPart, Role Role, string DisplayName, Placement Placement)
    {
        public string Email => $"{LocalPart}@{EmailDomain}";
    }

    internal static IReadOnlyList<Definition> Definitions { get; } =
    [
        new("admin", Role.LaAdmin, "Alison Marsh", Placement.LocalAuthority),
        new("officer", Role.LaOfficer, "Fiona Clarke", Placement.LocalAuthority),
        new("social.worker", Role.SocialWorker, "Daniel Okafor", Placement.LocalAuthority),
        new("advisory.teacher", Role.AdvisoryTeacher, "Helen Brooks", Placement.LocalAuthority),
        new("analyst", Role.Analyst, "Samir Patel", Placement.LocalAuthority),
        new("caldicott.guardian", Role.CaldicottGuardian, "Margaret Hale", Placement.LocalAuthority),
        new("lead.professional", Role.LeadProfessional, "Karen Doyle", Placement.LocalAuthority),
        new("pfa.worker", Role.PfaWorker, "Nadia Rahman", Placement.LocalAuthority),
        new("transition.lead", Role.TransitionLead, "Rachel Greenwood", Placement.FirstPrimary),
        new("senco", Role.Senco, "Mark Ellison", Placement.FirstPrimary),
        new("attendance.lead", Role.AttendanceLead, "Joanne Hughes", Placement.FirstPrimary),
        new("headteacher", Role.Headteacher, "David Atkinson", Placement.FirstPrimary),
        new("secondary.transition.lead", Role.TransitionLead, "Amira Hussain", Placement.FirstSecondary),
        new("sen.officer", Role.SenCaseOfficer, "Priya Lawson", Placement.LocalAuthority),
    ];
}
