using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Data.Entities;

namespace Waymark.Data.Configuration;

// What a Common Transfer File brings beyond the child's own row: address, contacts and school history.
// Lengths follow what a CTF may hold, with room to spare; the import refuses anything longer.

internal sealed class ChildAddressConfiguration : IEntityTypeConfiguration<ChildAddress>
{
    public void Configure(EntityTypeBuilder<ChildAddress> e)
    {
        e.HasOne(x => x.Child).WithOne(c => c.Address).HasForeignKey<ChildAddress>(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.ChildId).IsUnique();
        foreach (var name in new[]
                 {
                     nameof(ChildAddress.Saon), nameof(ChildAddress.Paon), nameof(ChildAddress.Street), nameof(ChildAddress.Locality),
                     nameof(ChildAddress.Town), nameof(ChildAddress.AdministrativeArea), nameof(ChildAddress.PostTown), nameof(ChildAddress.Line1),
                     nameof(ChildAddress.Line2), nameof(ChildAddress.Line3), nameof(ChildAddress.Line4), nameof(ChildAddress.Line5),
                     nameof(ChildAddress.County),
                 })
        {
            e.Property(name).HasMaxLength(100);
        }

        e.Property(x => x.Postcode).HasMaxLength(10);
        e.Property(x => x.Source).HasMaxLength(300);
    }
}

internal sealed class ChildContactConfiguration : IEntityTypeConfiguration<ChildContact>
{
    public void Configure(EntityTypeBuilder<ChildContact> e)
    {
        e.HasOne(x => x.Child).WithMany(c => c.Contacts).HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ChildId, x.Order });
        e.Property(x => x.Title).HasMaxLength(35);
        e.Property(x => x.Forename).HasMaxLength(100);
        e.Property(x => x.Surname).HasMaxLength(100);
        e.Property(x => x.Relationship).HasMaxLength(10);
        e.Property(x => x.Email).HasMaxLength(256);
        e.HasMany(x => x.Phones).WithOne(p => p.Contact).HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(x => x.Name);
    }
}

internal sealed class ChildContactPhoneConfiguration : IEntityTypeConfiguration<ChildContactPhone>
{
    public void Configure(EntityTypeBuilder<ChildContactPhone> e)
    {
        e.Property(x => x.Type).HasMaxLength(10);
        e.Property(x => x.Number).HasMaxLength(40);
    }
}

internal sealed class SchoolHistoryEntryConfiguration : IEntityTypeConfiguration<SchoolHistoryEntry>
{
    public void Configure(EntityTypeBuilder<SchoolHistoryEntry> e)
    {
        e.ToTable("SchoolHistoryEntries");
        e.HasOne(x => x.Child).WithMany(c => c.SchoolHistory).HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.ChildId);
        e.Property(x => x.SchoolName).HasMaxLength(200);
        e.Property(x => x.LeavingReason).HasMaxLength(100);
        e.Property(x => x.Source).HasMaxLength(300);
    }
}
