using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Data.Entities;

namespace Waymark.Data.Configuration;

internal sealed class BreakGlassAccessConfiguration : IEntityTypeConfiguration<BreakGlassAccess>
{
    public void Configure(EntityTypeBuilder<BreakGlassAccess> e)
    {
        e.Property(x => x.Reason).HasMaxLength(1000);
        e.Property(x => x.ReviewNote).HasMaxLength(2000);
        e.HasIndex(x => new { x.UserId, x.ChildId, x.GrantedOn });
        e.HasIndex(x => new { x.GrantedOn, x.ReviewedAtUtc });
        e.HasIndex(x => x.ChildId);
        e.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.ReviewedBy).WithMany().HasForeignKey(x => x.ReviewedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}
