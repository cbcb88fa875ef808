using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Exchange;
using Scr.Core.Models;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Learning;

namespace Scr.Core.Services.Exchange;

/// <summary>
/// Puts a review run in this system into the national learning record (issue 7, item 2), so the analysis and the learning
/// repository count it like an imported one. Its record is written from the case (<see cref="ReviewRecord"/>) and refreshed
/// whenever what it carries changes: the decision, and the National Panel's answer to it. A refresh keeps what the Panel's
/// analysts coded. A record the board had already imported under the case's reference becomes the case's record.
/// </summary>
public sealed class ReviewLearningRecord(ScrDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Creates or refreshes the record of the case with this id, with the caller's next save.</summary>
    public async Task<LearningReview> RecordAsync(Guid reviewId, Actor actor, CancellationToken cancellationToken = default)
    {
        var review = await db.Reviews.Include(r => r.Board).Include(r => r.Children).Include(r => r.PanelSubmissions)
            .AsSplitQuery().FirstAsync(r => r.Id == reviewId, cancellationToken);
        return await RecordAsync(review, actor, cancellationToken);
    }

    /// <summary>
    /// Creates or refreshes the record of this case, loaded with its board, children and Panel submissions, with the caller's
    /// next save; audited when the record is added, linked or changed.
    /// </summary>
    public async Task<LearningReview> RecordAsync(Review review, Actor actor, CancellationToken cancellationToken = default)
    {
        var board = review.Board ?? throw new InvalidOperationException("Load the case with its board.");
        var own = ReviewRecord.Of(review, board.Key);
        var region = board.Region ?? Region.NotKnown;
        var now = clock.GetUtcNow();
        var held = await db.LearningReviews.FirstOrDefaultAsync(r => r.ReviewId == review.Id, cancellationToken)
            ?? await db.LearningReviews.FirstOrDefaultAsync(r => r.BoardKey == board.Key && r.Reference == review.Reference, cancellationToken);
        if (held is null)
        {
            held = new LearningReview(board.Id, board.Key, review.Reference, region, review.IncidentDate, ExchangeService.RecordOf(own), now);
            held.LinkTo(review.Id);
            db.LearningReviews.Add(held);
            Audit("added");
            return held;
        }
        var linked = held.ReviewId is null;
        held.LinkTo(review.Id);
        var record = ExchangeService.RecordOf(ReviewRecord.Refresh(ExchangeService.ReviewOf(held.Record), own));
        if (record != held.Record || held.Region != region || held.IncidentDate != review.IncidentDate)
        {
            held.Replace(region, review.IncidentDate, record, now);
            // A published report's search values follow its review's record.
            await ReportFacets.RefreshAsync(db, [held], cancellationToken);
            Audit(linked ? "linked; replaced" : "replaced");
        }
        else if (linked)
        {
            Audit("linked");
        }
        return held;

        void Audit(string what) => audit.Record(actor, AuditActions.LearningReviewRecorded, board.Id, "learning-review", held.Id.ToString(),
            $"review={review.Id}; reference={review.Reference}; {what}");
    }
}
