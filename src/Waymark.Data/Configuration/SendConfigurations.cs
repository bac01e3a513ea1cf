using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Data.Entities;

namespace Waymark.Data.Configuration;

public static class SendLimits
{
    public const int Name = 200;
    public const int Text = 2000;
}

internal sealed class EhcNeedsAssessmentConfiguration : IEntityTypeConfiguration<EhcNeedsAssessment>
{
    public void Configure(EntityTypeBuilder<EhcNeedsAssessment> e)
    {
        e.HasIndex(x => new { x.ChildId, x.RequestedOn });
        e.HasIndex(x => x.FinalPlanOn);
        e.Property(x => x.ExceptionNote).HasMaxLength(SendLimits.Text);
        e.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EhcAnnualReviewConfiguration : IEntityTypeConfiguration<EhcAnnualReview>
{
    public void Configure(EntityTypeBuilder<EhcAnnualReview> e)
    {
        e.HasIndex(x => new { x.ChildId, x.MeetingOn }).IsUnique();
        e.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EhcPhaseTransferConfiguration : IEntityTypeConfiguration<EhcPhaseTransfer>
{
    public void Configure(EntityTypeBuilder<EhcPhaseTransfer> e)
    {
        e.HasIndex(x => new { x.ChildId, x.TransferOn }).IsUnique();
        e.HasIndex(x => x.DueOn);
        e.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.NewSchool).WithMany().HasForeignKey(x => x.NewSchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EhcLaTransferConfiguration : IEntityTypeConfiguration<EhcLaTransfer>
{
    public void Configure(EntityTypeBuilder<EhcLaTransfer> e)
    {
        e.HasIndex(x => x.ChildId);
        e.Property(x => x.FromLocalAuthority).HasMaxLength(SendLimits.Name);
        e.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
