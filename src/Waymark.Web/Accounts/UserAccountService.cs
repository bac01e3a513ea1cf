using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.People;

namespace Waymark.Web.Accounts;

public sealed record NewUser(string? Email, string? DisplayName, Role? Role, int? SchoolUrn, string Password);

/// <summary>Field-keyed problems, so a page can show each under its input and the CLI can print them.</summary>
public sealed record AccountResult(WaymarkUser? User, IReadOnlyList<(string Field, string Message)> Errors)
{
    public bool Succeeded => User is not null && Errors.Count == 0;
}

/// <summary>Creating and changing staff accounts: the one place for the rules, used by the admin pages and `waymark user add`.</summary>
public sealed class UserAccountService(WaymarkDbContext db, UserManager<WaymarkUser> userManager, TimeProvider clock)
{
    public async Task<AccountResult> CreateAsync(NewUser input, CancellationToken ct = default)
    {
        var errors = new List<(string, string)>();
        var email = input.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add(("Email", "Enter an email address"));
        }
        else if (email.Length > 256)
        {
            errors.Add(("Email", "Email address must be 256 characters or fewer"));
        }
        else if (!new EmailAddressAttribute().IsValid(email))
        {
            errors.Add(("Email", "Enter an email address in the correct format, like name@example.org"));
        }
        else if (await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), ct))
        {
            errors.Add(("Email", $"A user with the email address {email} already exists"));
        }

        if (input.DisplayName is { Length: > 200 })
        {
            errors.Add(("DisplayName", "Full name must be 200 characters or fewer"));
        }

        var school = await ResolveSchoolAsync(input.Role, input.SchoolUrn, errors, ct);

        if (errors.Count > 0)
        {
            return new AccountResult(null, errors);
        }

        var user = new WaymarkUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(input.DisplayName) ? email!.Split('@')[0] : input.DisplayName.Trim(),
            Role = input.Role!.Value,
            SchoolId = school?.Id,
            IsActive = true,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await userManager.CreateAsync(user, input.Password);
        if (!result.Succeeded)
        {
            return new AccountResult(null, result.Errors
                .Select(e => (e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password" : "Email", e.Description))
                .ToList());
        }

        return new AccountResult(user, []);
    }

    public async Task<AccountResult> ChangeAsync(string userId, Role? role, int? schoolUrn, bool isActive, CancellationToken ct = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return new AccountResult(null, [("", "The user no longer exists")]);
        }

        var errors = new List<(string, string)>();
        var school = await ResolveSchoolAsync(role, schoolUrn, errors, ct);
        if (errors.Count > 0)
        {
            return new AccountResult(null, errors);
        }

        user.Role = role!.Value;
        user.SchoolId = school?.Id;
        if (user.IsActive && !isActive)
        {
            // A new stamp ends every session of a deactivated user on their next request.
            user.SecurityStamp = Guid.NewGuid().ToString();
        }

        user.IsActive = isActive;
        return new AccountResult(user, []);
    }

    /// <summary>A random initial password: 20 characters from an unambiguous alphabet (about 100 bits).</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 20);
        return $"{new string(chars[..5])}-{new string(chars[5..10])}-{new string(chars[10..15])}-{new string(chars[15..])}";
    }

    private async Task<School?> ResolveSchoolAsync(Role? role, int? schoolUrn, List<(string, string)> errors, CancellationToken ct)
    {
        if (role is null)
        {
            errors.Add(("Role", "Select a role"));
            return null;
        }

        if (!Roles.RequiresSchool(role.Value))
        {
            if (schoolUrn is not null)
            {
                errors.Add(("School", $"{Roles.DisplayName(role.Value)} is a local authority role and cannot belong to a school"));
            }

            return null;
        }

        if (schoolUrn is null)
        {
            errors.Add(("School", $"Select the school of this {Roles.DisplayName(role.Value)}"));
            return null;
        }

        var school = await db.Schools.SingleOrDefaultAsync(s => s.Urn == schoolUrn, ct);
        if (school is null)
        {
            errors.Add(("School", $"There is no school with URN {schoolUrn}"));
        }

        return school;
    }
}
