using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Data.Entities;

namespace Waymark.Data.Configuration;

internal sealed class LocalAuthorityConfiguration : IEntityTypeConfiguration<LocalAuthority>
{
    public void Configure(EntityTypeBuilder<LocalAuthority> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> e)
    {
        e.HasIndex(x => x.Urn).IsUnique();
        e.HasIndex(x => new { x.LaCode, x.EstablishmentNumber });
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Type).HasMaxLength(100);
        e.Property(x => x.Street).HasMaxLength(200);
        e.Property(x => x.Locality).HasMaxLength(200);
        e.Property(x => x.Address3).HasMaxLength(200);
        e.Property(x => x.Town).HasMaxLength(200);
        e.Property(x => x.County).HasMaxLength(200);
        e.Property(x => x.Postcode).HasMaxLength(10);
        e.HasMany(x => x.Links).WithOne(x => x.School).HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SchoolLinkConfiguration : IEntityTypeConfiguration<SchoolLink>
{
    public void Configure(EntityTypeBuilder<SchoolLink> e)
    {
        e.HasIndex(x => new { x.SchoolId, x.LinkedUrn }).IsUnique();
        e.HasIndex(x => x.LinkedUrn);
        e.Property(x => x.LinkedName).HasMaxLength(200);
        e.Property(x => x.LinkType).HasMaxLength(Domain.Schools.SchoolLinkTypes.MaxLength);
    }
}

internal sealed class WaymarkUserConfiguration : IEntityTypeConfiguration<WaymarkUser>
{
    public void Configure(EntityTypeBuilder<WaymarkUser> e)
    {
        e.Property(x => x.DisplayName).HasMaxLength(200);
        e.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Upn).HasMaxLength(13).IsFixedLength(false);
        e.HasIndex(x => x.Upn).IsUnique();
        e.Property(x => x.LegalForename).HasMaxLength(100);
        e.Property(x => x.MiddleNames).HasMaxLength(100);
        e.Property(x => x.LegalSurname).HasMaxLength(100);
        e.Property(x => x.PreferredForename).HasMaxLength(100);
        e.Property(x => x.PreferredSurname).HasMaxLength(100);
        e.Property(x => x.SearchName).HasMaxLength(600);
        e.HasIndex(x => new { x.LegalSurname, x.LegalForename });
        e.Property(x => x.EthnicityCode).HasMaxLength(4);
        e.Property(x => x.FirstLanguage).HasMaxLength(60);
        e.Property(x => x.Postcode).HasMaxLength(10);
        e.HasMany(x => x.FormerUpns).WithOne().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Enrolments).WithOne(x => x.Child).HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Statuses).WithOne(x => x.Child).HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.KeyPeople).WithOne(x => x.Child).HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(x => x.KnownAsName);
        e.Ignore(x => x.LegalName);
    }
}

internal sealed class FormerUpnConfiguration : IEntityTypeConfiguration<FormerUpn>
{
    public void Configure(EntityTypeBuilder<FormerUpn> e)
    {
        e.Property(x => x.Upn).HasMaxLength(13);
        e.HasIndex(x => x.Upn);
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> e)
    {
        e.HasOne(x => x.School).WithMany(s => s.Enrolments).HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SchoolId, x.EndDate });
    }
}

internal sealed class ChildStatusConfiguration : IEntityTypeConfiguration<ChildStatus>
{
    public void Configure(EntityTypeBuilder<ChildStatus> e)
    {
        e.HasIndex(x => new { x.Type, x.EndDate });
    }
}

internal sealed class KeyPersonConfiguration : IEntityTypeConfiguration<KeyPerson>
{
    public void Configure(EntityTypeBuilder<KeyPerson> e)
    {
        e.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.UserId, x.Role });
        e.Property(x => x.ExternalName).HasMaxLength(200);
        e.Property(x => x.ExternalOrganisation).HasMaxLength(200);
        e.Property(x => x.ExternalEmail).HasMaxLength(256);
        e.Property(x => x.ExternalPhone).HasMaxLength(40);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> e)
    {
        e.Property(x => x.Action).HasMaxLength(60);
        e.Property(x => x.IpAddress).HasMaxLength(64);
        e.Property(x => x.Detail).HasMaxLength(2000);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.Hash).HasMaxLength(32);
        e.HasIndex(x => x.ChildId);
        e.HasIndex(x => x.OccurredAtUtc);
        e.HasIndex(x => x.Sequence).IsUnique();
        e.HasIndex(x => new { x.UserId, x.OccurredAtUtc });
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Hash).HasMaxLength(32);

        // The head exists from the start, so the very first writers queue on it like every later one.
        e.HasData(new AuditChainHead { Id = AuditChainHead.TheHead, Sequence = 0, Hash = new byte[32] });
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.EndReason).HasMaxLength(100);
        e.Property(x => x.IpAddress).HasMaxLength(64);
        e.HasIndex(x => x.UserId);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
