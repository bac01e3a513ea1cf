using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Testing;
using Waymark.Web.Tests.EarlyHelp;
using Waymark.Web.Tests.Transitions;

namespace Waymark.Web.Tests.Adulthood;

/// <summary>
/// Young people of each test's own: two secondary schools with a SENCo and headteacher, a 16-year-old with an EHC plan
/// at each, a 19-year-old care leaver with no school, and a 16-year-old at the first school known to no service.
/// </summary>
internal sealed record PfaWorld(
    School School, School OtherSchool, WaymarkUser Senco, WaymarkUser Headteacher, WaymarkUser OtherSenco, WaymarkUser PfaWorker,
    Child Pupil, Child OtherPupil, Child CareLeaver, Child Unknown);

internal static class AdulthoodData
{
    private static int _serial = 800;

    private static int _world;

    public static async Task<PfaWorld> NewWorldAsync(WaymarkTestHost host)
    {
        var school = await ProgrammeData.NewSchoolAsync(host, "PfA Secondary", Domain.Schools.SchoolPhase.Secondary);
        var other = await ProgrammeData.NewSchoolAsync(host, "PfA Other Secondary", Domain.Schools.SchoolPhase.Secondary);
        var senco = await EarlyHelpData.NewUserAsync(host, Role.Senco, school);
        var head = await EarlyHelpData.NewUserAsync(host, Role.Headteacher, school);
        var otherSenco = await EarlyHelpData.NewUserAsync(host, Role.Senco, other);
        var worker = await EarlyHelpData.NewUserAsync(host, Role.PfaWorker);
        var today = TestWorld.Today;
        var world = (char)('a' + (Interlocked.Increment(ref _world) % 26)) + Guid.NewGuid().ToString("N")[..4];
        await using var db = host.CreateDbContext();
        Child Young(string forename, string surname, int age, School? at, ChildStatusType? status)
        {
            // Surnames of the world's own: tests share a host, and a name found on a page must be this world's young person.
            var child = TestWorld.NewChild(forename, $"{surname}{world}", today.AddYears(-age).AddDays(-60), Sex.Male, (at ?? school).EstablishmentNumber,
                Interlocked.Increment(ref _serial));
            if (at is not null)
            {
                child.Enrolments.Add(new Enrolment { SchoolId = at.Id, StartDate = today.AddYears(-3), Type = EnrolmentType.Single });
            }

            if (status is ChildStatusType s)
            {
                child.Statuses.Add(new ChildStatus { Type = s, StartDate = today.AddYears(-2) });
            }

            db.Children.Add(child);
            return child;
        }

        var pupil = Young("Ellis", "Fenwick", 16, school, ChildStatusType.EhcPlan);
        var otherPupil = Young("Rowan", "Gale", 16, other, ChildStatusType.EhcPlan);
        var leaver = Young("Casey", "Hart", 19, null, ChildStatusType.CareLeaver);
        var unknown = Young("Jordan", "Ives", 16, school, null);
        await db.SaveChangesAsync();
        return new PfaWorld(school, other, senco, head, otherSenco, worker, pupil, otherPupil, leaver, unknown);
    }
}
