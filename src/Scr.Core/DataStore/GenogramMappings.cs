using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scr.Core.Models;
using Scr.Core.Rules.Genogram;

namespace Scr.Core.DataStore;

/// <summary>
/// A review's genogram: one row a case, the family kept as JSON text (enums by name) with a version, as the terms of
/// reference keep their lists (decision 0013). The family is always read, checked and written whole.
/// </summary>
internal sealed class ReviewGenogramMapping : IEntityTypeConfiguration<ReviewGenogram>
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<ReviewGenogram> b)
    {
        b.ToTable("genograms");
        b.HasKey(g => g.ReviewId);
        b.HasOne<Review>().WithOne().HasForeignKey<ReviewGenogram>(g => g.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(g => g.ChangedById).OnDelete(DeleteBehavior.Restrict);
        b.Property(g => g.Version).IsConcurrencyToken();
        b.Property(g => g.Family).HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                s => JsonSerializer.Deserialize<GenogramFamily>(s, Json) ?? ReviewGenogram.Empty)
            .IsRequired();
    }
}
