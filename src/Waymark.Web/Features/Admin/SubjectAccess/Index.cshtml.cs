using Waymark.Data;
using Waymark.Web.Auditing;

namespace Waymark.Web.Features.Admin.SubjectAccess;

public sealed class IndexModel(WaymarkDbContext db, Auditor auditor) : AdminChildSearchModel(db, auditor)
{
    protected override string Purpose => "subject access";

    public override string ResultLink(Guid childId) => $"/admin/subject-access/{childId}";

    public void OnGet()
    {
    }

    public async Task OnPostAsync() => await SearchAsync();
}
