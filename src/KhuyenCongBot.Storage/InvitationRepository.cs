using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using LiteDB;

namespace KhuyenCongBot.Storage;

internal sealed class InvitationRepository(LiteDatabase db) : IInvitationRepository
{
    private ILiteCollection<Invitation> Col => db.GetCollection<Invitation>("invitations");

    public Invitation? Get(string code) => Col.FindById(code);

    public void Add(Invitation invitation) => Col.Insert(invitation);

    public void Update(Invitation invitation) => Col.Update(invitation);

    public IReadOnlyList<Invitation> Outstanding(long userId) =>
        Col.Find(Query.Or(Query.EQ(nameof(Invitation.LinkUserId), userId), Query.EQ(nameof(Invitation.CreatedByUserId), userId)))
            .Where(i => i.UsedAt is null && i.RevokedAt is null)
            .ToList();

    public IReadOnlyList<Invitation> Pending(DateTimeOffset now) =>
        Col.FindAll().Where(i => i.UsedAt is null && i.RevokedAt is null && i.LinkUserId is null && i.ExpiresAt > now)
            .OrderBy(i => i.ExpiresAt).ToList();
}
