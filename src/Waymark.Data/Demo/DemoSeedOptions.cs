using Waymark.Domain.People;

namespace Waymark.Data.Demo;

/// <summary>How much fictional demo data to create.</summary>
/// <param name="Pupils">Exactly this many children are created.</param>
/// <param name="Seed">The same seed and <paramref name="Today"/> always give the same children.</param>
/// <param name="Today">
/// The date the data is built around (current enrolments, statuses, the academic year). When null the
/// caller's real date is used; pass it explicitly for repeatable data.
/// </param>
public sealed record DemoSeedOptions(int Pupils = 6000, int Seed = 1, DateOnly? Today = null);

/// <summary>A demo sign-in created by the generator; all share <see cref="DemoAccounts.Password"/>.</summary>
public sealed record DemoAccount(string Email, Role Role, string? SchoolName);

public sealed record DemoSeedResult(
    int Schools,
    int Children,
    int Users,
    IReadOnlyList<DemoAccount> Accounts,
    TimeSpan Elapsed);
