using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Data.Entities;

namespace Waymark.Data.Configuration;

/// <summary>Text limits for the plan's free text: long enough for a family's story, short enough to refuse a pasted document.</summary>
public static class EarlyHelpLimits
{
    public const int Name = 200;
    public const int Short = 300;
    public const int Text = 4000;
    public const int AttachmentBytes = 5 * 1024 * 1024;
}

internal sealed class EarlyHelpPlanConfiguration : IEntityTypeConfiguration<EarlyHelpPlan>
{
    public void Configure(EntityTypeBuilder<EarlyHelpPlan> e)
    {
        e.HasIndex(x => new { x.Stage, x.ReviewDueOn });
        e.HasIndex(x => x.LeadSchoolId);
        e.Property(x => x.FamilyName).HasMaxLength(EarlyHelpLimits.Name);
        e.Property(x => x.Address).HasMaxLength(EarlyHelpLimits.Short);
        e.Property(x => x.Phone).HasMaxLength(50);
        e.Property(x => x.Email).HasMaxLength(EarlyHelpLimits.Name);
        e.Property(x => x.UsefulInformation).HasMaxLength(EarlyHelpLimits.Text);
        e.Property(x => x.MashOutcomeNote).HasMaxLength(EarlyHelpLimits.Text);
        e.Property(x => x.TransferredTo).HasMaxLength(EarlyHelpLimits.Short);
        e.HasOne(x => x.LeadSchool).WithMany().HasForeignKey(x => x.LeadSchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Consents).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.OtherServices).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.LeadProfessionals).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.SelfAssessments).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Actions).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Reviews).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Copies).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.MaintenancePlan).WithOne().HasForeignKey<MaintenancePlan>(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(x => x.CurrentLeadProfessional);
    }
}

internal sealed class FamilyMemberConfiguration : IEntityTypeConfiguration<FamilyMember>
{
    public void Configure(EntityTypeBuilder<FamilyMember> e)
    {
        e.HasIndex(x => x.PlanId);
        e.HasIndex(x => x.ChildId);
        e.Property(x => x.Name).HasMaxLength(EarlyHelpLimits.Name);
        e.Property(x => x.Relationship).HasMaxLength(100);
        e.Property(x => x.Gender).HasMaxLength(50);
        e.Property(x => x.Ethnicity).HasMaxLength(100);
        e.Property(x => x.Disability).HasMaxLength(EarlyHelpLimits.Short);

        // The plan is the family's: if a child's record is deleted under retention, the family member stays, unlinked.
        e.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.SetNull);
        e.Ignore(x => x.IsAssessed);
    }
}

internal sealed class EarlyHelpConsentConfiguration : IEntityTypeConfiguration<EarlyHelpConsent>
{
    public void Configure(EntityTypeBuilder<EarlyHelpConsent> e)
    {
        e.HasIndex(x => x.PlanId);
        e.Property(x => x.CoversMemberIds).HasMaxLength(EarlyHelpLimits.Short);
        e.Property(x => x.WithdrawnNote).HasMaxLength(EarlyHelpLimits.Text);
        e.HasOne(x => x.GivenBy).WithMany().HasForeignKey(x => x.GivenByMemberId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(x => x.InForce);
        e.Ignore(x => x.Covers);
    }
}

internal sealed class OtherServiceConfiguration : IEntityTypeConfiguration<OtherService>
{
    public void Configure(EntityTypeBuilder<OtherService> e)
    {
        e.HasIndex(x => x.PlanId);
        e.Property(x => x.Service).HasMaxLength(EarlyHelpLimits.Name);
        e.Property(x => x.Contact).HasMaxLength(EarlyHelpLimits.Short);
        e.Property(x => x.WhoAndHow).HasMaxLength(EarlyHelpLimits.Text);
    }
}

internal sealed class LeadProfessionalSpellConfiguration : IEntityTypeConfiguration<LeadProfessionalSpell>
{
    public void Configure(EntityTypeBuilder<LeadProfessionalSpell> e)
    {
        e.HasIndex(x => new { x.PlanId, x.EndedOn });
        e.HasIndex(x => new { x.UserId, x.EndedOn });
        e.Property(x => x.Name).HasMaxLength(EarlyHelpLimits.Name);
        e.Property(x => x.Agency).HasMaxLength(EarlyHelpLimits.Name);
        e.Property(x => x.Phone).HasMaxLength(50);
        e.Property(x => x.Email).HasMaxLength(EarlyHelpLimits.Name);
        e.Property(x => x.Reason).HasMaxLength(EarlyHelpLimits.Short);
        e.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SelfAssessmentConfiguration : IEntityTypeConfiguration<SelfAssessment>
{
    public void Configure(EntityTypeBuilder<SelfAssessment> e)
    {
        e.HasIndex(x => new { x.PlanId, x.ReviewId, x.MemberId }).IsUnique();
        e.Property(x => x.PractitionerReasons).HasMaxLength(EarlyHelpLimits.Text);
        e.Property(x => x.InTheirOwnWords).HasMaxLength(EarlyHelpLimits.Text);
        e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<TafReview>().WithMany().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.SelfAssessmentId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.SelfAssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AspectScoreConfiguration : IEntityTypeConfiguration<AspectScore>
{
    public void Configure(EntityTypeBuilder<AspectScore> e)
    {
        e.HasIndex(x => new { x.SelfAssessmentId, x.Aspect }).IsUnique();
        e.Property(x => x.NotApplicableReason).HasMaxLength(EarlyHelpLimits.Short);
        e.Property(x => x.WorkingWell).HasMaxLength(EarlyHelpLimits.Text);
        e.Property(x => x.CouldBeBetter).HasMaxLength(EarlyHelpLimits.Text);

        // The rule is the domain's (AspectScores); the database refuses a score off the scale whatever writes it.
        e.ToTable(t => t.HasCheckConstraint("CK_AspectScores_Score", "\"Score\" IS NULL OR (\"Score\" >= 0 AND \"Score\" <= 10)"));
    }
}

internal sealed class SelfAssessmentAttachmentConfiguration : IEntityTypeConfiguration<SelfAssessmentAttachment>
{
    public void Configure(EntityTypeBuilder<SelfAssessmentAttachment> e)
    {
        e.HasIndex(x => x.SelfAssessmentId);
        e.Property(x => x.FileName).HasMaxLength(EarlyHelpLimits.Name);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.UploadedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EarlyHelpActionConfiguration : IEntityTypeConfiguration<EarlyHelpAction>
{
    public void Configure(EntityTypeBuilder<EarlyHelpAction> e)
    {
        e.HasIndex(x => new { x.PlanId, x.State });
        e.HasIndex(x => x.ResponsibleUserId);
        e.HasIndex(x => x.ResponsibleSchoolId);
        e.Property(x => x.What).HasMaxLength(EarlyHelpLimits.Text);
        e.Property(x => x.Who).HasMaxLength(EarlyHelpLimits.Name);
        e.Property(x => x.HopedDifference).HasMaxLength(EarlyHelpLimits.Text);
        e.Property(x => x.NotDoneReason).HasMaxLength(EarlyHelpLimits.Text);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.ResponsibleUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<School>().WithMany().HasForeignKey(x => x.ResponsibleSchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<TafReview>().WithMany().HasForeignKey(x => x.AgreedAtReviewId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<TafReview>().WithMany().HasForeignKey(x => x.SettledAtReviewId).OnDelete(DeleteBehavior.Restrict);
        e.ToTable(t => t.HasCheckConstraint("CK_EarlyHelpActions_Readiness", "\"Readiness\" >= 1 AND \"Readiness\" <= 5"));
    }
}

internal sealed class TafReviewConfiguration : IEntityTypeConfiguration<TafReview>
{
    public void Configure(EntityTypeBuilder<TafReview> e)
    {
        e.HasIndex(x => new { x.PlanId, x.HeldOn });
        e.Property(x => x.ContactDetailsChanged).HasMaxLength(EarlyHelpLimits.Text);
        e.Property(x => x.FamilyProgress).HasMaxLength(EarlyHelpLimits.Text);
        e.Property(x => x.ChildProgress).HasMaxLength(EarlyHelpLimits.Text);
        e.Property(x => x.TafProgress).HasMaxLength(EarlyHelpLimits.Text);
        e.Property(x => x.NewNeeds).HasMaxLength(EarlyHelpLimits.Text);
        e.Property(x => x.MashContactBy).HasMaxLength(EarlyHelpLimits.Name);
        e.Property(x => x.TransferredTo).HasMaxLength(EarlyHelpLimits.Short);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Invitees).WithOne().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewInviteeConfiguration : IEntityTypeConfiguration<ReviewInvitee>
{
    public void Configure(EntityTypeBuilder<ReviewInvitee> e)
    {
        e.HasIndex(x => x.ReviewId);
        e.Property(x => x.Name).HasMaxLength(EarlyHelpLimits.Name);
        e.Property(x => x.Role).HasMaxLength(EarlyHelpLimits.Name);
        e.Property(x => x.Contact).HasMaxLength(EarlyHelpLimits.Short);
    }
}

internal sealed class PlanCopyConfiguration : IEntityTypeConfiguration<PlanCopy>
{
    public void Configure(EntityTypeBuilder<PlanCopy> e)
    {
        e.HasIndex(x => x.PlanId);
        e.Property(x => x.RecipientName).HasMaxLength(EarlyHelpLimits.Name);
        e.Property(x => x.RecipientRole).HasMaxLength(EarlyHelpLimits.Name);
        e.Property(x => x.What).HasMaxLength(EarlyHelpLimits.Name);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MaintenancePlanConfiguration : IEntityTypeConfiguration<MaintenancePlan>
{
    public void Configure(EntityTypeBuilder<MaintenancePlan> e)
    {
        e.HasKey(x => x.PlanId);
        e.Property(x => x.WhatWeLearnt).HasMaxLength(EarlyHelpLimits.Text);
        e.Property(x => x.MostUseful).HasMaxLength(EarlyHelpLimits.Text);
        e.Property(x => x.ActionsToMaintainProgress).HasMaxLength(EarlyHelpLimits.Text);
        e.Property(x => x.DifficultSituations).HasMaxLength(EarlyHelpLimits.Text);
        e.Property(x => x.IfThingsBecomeChallenging).HasMaxLength(EarlyHelpLimits.Text);
        e.Property(x => x.WhoWeCanContact).HasMaxLength(EarlyHelpLimits.Text);
        e.Property(x => x.KeyContacts).HasMaxLength(EarlyHelpLimits.Text);
    }
}
