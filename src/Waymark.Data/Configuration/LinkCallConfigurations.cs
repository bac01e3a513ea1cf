using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Data.Entities;

namespace Waymark.Data.Configuration;

public static class LinkCallLimits
{
    public const int Short = 500;
    public const int Text = 4000;
}

internal sealed class LinkedSchoolConfiguration : IEntityTypeConfiguration<LinkedSchool>
{
    public void Configure(EntityTypeBuilder<LinkedSchool> e)
    {
        e.HasKey(x => x.SchoolId);
        e.HasIndex(x => x.OfficerUserId);
        e.Property(x => x.RiskNote).HasMaxLength(LinkCallLimits.Short);
        e.HasOne(x => x.School).WithOne().HasForeignKey<LinkedSchool>(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Officer).WithMany().HasForeignKey(x => x.OfficerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LinkContactConfiguration : IEntityTypeConfiguration<LinkContact>
{
    public void Configure(EntityTypeBuilder<LinkContact> e)
    {
        e.HasIndex(x => new { x.SchoolId, x.HeldOn });
        e.Property(x => x.FromSchool).HasMaxLength(LinkCallLimits.Short);
        e.Property(x => x.Notes).HasMaxLength(LinkCallLimits.Text);
        e.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.OfficerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LinkContactChildConfiguration : IEntityTypeConfiguration<LinkContactChild>
{
    public void Configure(EntityTypeBuilder<LinkContactChild> e)
    {
        e.HasIndex(x => new { x.ContactId, x.ChildId }).IsUnique();
        e.HasIndex(x => x.ChildId);
        e.HasOne(x => x.Contact).WithMany(c => c.Children).HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LinkActionConfiguration : IEntityTypeConfiguration<LinkAction>
{
    public void Configure(EntityTypeBuilder<LinkAction> e)
    {
        e.HasIndex(x => new { x.ContactId, x.DueOn });
        e.Property(x => x.Description).HasMaxLength(LinkCallLimits.Short);
        e.Property(x => x.Owner).HasMaxLength(LinkCallLimits.Short);
        e.HasOne(x => x.Contact).WithMany(c => c.Actions).HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.DoneByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
