using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Data.Entities;
using Waymark.Domain.Integrations;

namespace Waymark.Data.Configuration;

internal sealed class ApiIntegrationConfiguration : IEntityTypeConfiguration<ApiIntegration>
{
    public void Configure(EntityTypeBuilder<ApiIntegration> e)
    {
        e.Property(x => x.Name).HasMaxLength(IntegrationRules.MaximumNameLength);
        e.Property(x => x.Scopes).HasMaxLength(400);
        e.Property(x => x.TokenPrefix).HasMaxLength(IntegrationRules.VisiblePrefixLength);
        e.Property(x => x.TokenHash).HasMaxLength(32);
        e.Property(x => x.LastUsedFromIp).HasMaxLength(64);

        // Every API call finds its integration by the hash of the token it presents.
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.CreatedBy).WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.RevokedBy).WithMany().HasForeignKey(x => x.RevokedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(x => x.ScopeList);
    }
}
