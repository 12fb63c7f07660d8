using System.Globalization;
using System.Text.Json;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>Turns a finished form into a SupportRecord (and back), and writes it with its audit entry in one transaction.</summary>
public static class RecordWriter
{
    private static readonly JsonSerializerOptions AuditJson = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A new facility typed in the form, not yet in the registry.</summary>
    /// <param name="CommuneCode">The official code when the commune was matched to the 2025 list.</param>
    /// <param name="CommuneNotInList">The officer confirmed the commune as typed, not in the list.</param>
    /// <param name="LegalForm">Legal form id (seeds/catalogue/beneficiaries.json).</param>
    /// <param name="TaxId">Tax or registration number as checked.</param>
    /// <param name="PriorityGroups">Priority group ids; null when not asked or skipped.</param>
    public sealed record NewFacility(string Name, string? Commune, string? CraftVillage, string? Phone,
        string? CommuneCode = null, bool CommuneNotInList = false, string? LegalForm = null, string? TaxId = null, IReadOnlyList<string>? PriorityGroups = null)
    {
        /// <summary>The new facility answered in a form session (keys nf:*).</summary>
        public static NewFacility FromSession(FormSession session) => new(
            session.Get("nf:name") ?? "", session.Get("nf:commune"), session.Get("nf:village"), session.Get("nf:phone"),
            session.Get("nf:ccode"), session.Get("nf:cfree") is not null, session.Get("nf:legal"), session.Get("nf:taxid"),
            session.Get("nf:prio") is { } prio ? prio.Split(',', StringSplitOptions.RemoveEmptyEntries) : null);
    }

    /// <summary>Fills <paramref name="record"/> from the answers of the fields that apply; returns the new facility to create, if any.</summary>
    public static NewFacility? Fill(SupportRecord record, FormDefinition form, FormSession session, IBotStore store)
    {
        record.ActivityId = form.Activity;
        record.Extra = new Dictionary<string, string>(record.Extra.Where(kv => form.Field(kv.Key) is null));
        NewFacility? created = null;
        string? facilityCommune = null;
        var hasCommuneField = form.Bound("commune") is not null;
        long kcqgPart = 0, counterpart = 0, other = 0;
        foreach (var field in form.Fields)
        {
            var applies = session.Applies(form, field);
            var value = applies ? session.Answer(field.Id) ?? "" : "";
            switch (field.Bind)
            {
                case "date":
                    record.Date = DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    break;
                case "province":
                    record.ProvinceId = value;
                    break;
                case "facility":
                    if (value == "new")
                    {
                        created = NewFacility.FromSession(session);
                        record.FacilityId = null;
                        record.FacilityName = created.Name;
                        facilityCommune = created.Commune;
                    }
                    else if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && store.Facilities.Get(id) is { } facility)
                    {
                        record.FacilityId = id;
                        record.FacilityName = facility.Name;
                        facilityCommune = facility.Commune;
                    }
                    else if (value == "keep")
                    {
                        // An imported record with a name but no registry entry keeps what it had.
                    }
                    else
                    {
                        record.FacilityId = null;
                        record.FacilityName = null;
                    }
                    break;
                case "commune":
                    record.Commune = Null(value);
                    break;
                case "booths":
                    record.Booths = value.Length == 0 ? 0 : int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "revenue_vnd":
                    record.RevenueVnd = value.Length == 0 ? 0 : long.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "funding_vnd":
                    record.FundingVnd = value.Length == 0 ? 0 : long.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "funding_source":
                    record.FundingSource = Null(value);
                    break;
                case "funding_kcqg":
                    kcqgPart = value.Length == 0 ? 0 : long.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "funding_counterpart":
                    counterpart = value.Length == 0 ? 0 : long.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "funding_other":
                    other = value.Length == 0 ? 0 : long.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "status":
                    record.Status = value == "estimate" ? RecordStatus.Estimate : RecordStatus.Actual;
                    break;
                case "note":
                    record.Note = Null(value);
                    break;
                case "project":
                    record.ProjectCode = Null(value);
                    break;
                default:
                    if (value.Length > 0)
                    {
                        record.Extra[field.Id] = value;
                    }
                    break;
            }
        }
        if (!hasCommuneField && facilityCommune is not null)
        {
            record.Commune = facilityCommune;
        }
        if (form.Bound("funding_vnd") is not null)
        {
            SetSplit(record, kcqgPart, counterpart, other);
        }
        return created;
    }

    /// <summary>
    /// The split from the answers: the support amount under its source (KCQG, KCĐP, or both with the KCQG part typed and
    /// KCĐP the rest), with the counterpart and other sources. An amount without a source, or no money at all, keeps no split.
    /// </summary>
    private static void SetSplit(SupportRecord record, long kcqgPart, long counterpart, long other)
    {
        var amount = record.FundingVnd;
        (long Kcqg, long Kcdp)? support = record.FundingSource switch
        {
            "KCQG" => (amount, 0),
            "KCDP" => (0, amount),
            // The form refuses a KCQG part above the amount; a later lower amount clears the part (AmountPlausibility.CheckSplit).
            "BOTH" => (Math.Min(kcqgPart, amount), amount - Math.Min(kcqgPart, amount)),
            _ => null,
        };
        if (support is { } s)
        {
            RecordFunding.Set(record, new Funding.FundingSplit(s.Kcqg, s.Kcdp, counterpart, other));
        }
        else
        {
            // An amount of unknown source stays the support total; the counterpart and other sources are still kept.
            record.FundingSource = null;
            record.Split = counterpart > 0 || other > 0 ? new Funding.FundingSplit(0, 0, counterpart, other) : null;
        }
    }

    private static string? Null(string value) => value.Length == 0 ? null : value;

    /// <summary>Loads a record's values into the form's answers (for corrections and "log another like this").</summary>
    public static void Load(SupportRecord record, FormDefinition form, FormSession session, Func<FormField, bool> which)
    {
        foreach (var field in form.Fields.Where(which))
        {
            string? value = field.Bind switch
            {
                "date" => record.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "province" => record.ProvinceId,
                "facility" => record.FacilityId is { } id ? id.ToString(CultureInfo.InvariantCulture) : record.FacilityName is null ? "" : "keep",
                "commune" => record.Commune ?? "",
                "booths" => record.Booths.ToString(CultureInfo.InvariantCulture),
                "revenue_vnd" => record.RevenueVnd.ToString(CultureInfo.InvariantCulture),
                "funding_vnd" => record.FundingVnd.ToString(CultureInfo.InvariantCulture),
                "funding_source" => record.FundingSource ?? (record.Split is { Kcqg: > 0, Kcdp: > 0 } ? "BOTH" : ""),
                "funding_kcqg" => record.Split is { Kcqg: > 0, Kcdp: > 0 } both ? both.Kcqg.ToString(CultureInfo.InvariantCulture) : "",
                "funding_counterpart" => record.Split is { Counterpart: > 0 } cp ? cp.Counterpart.ToString(CultureInfo.InvariantCulture) : "",
                "funding_other" => record.Split is { Other: > 0 } o ? o.Other.ToString(CultureInfo.InvariantCulture) : "",
                "status" => record.Status == RecordStatus.Estimate ? "estimate" : "actual",
                "note" => record.Note ?? "",
                "project" => record.ProjectCode ?? "",
                _ => record.Extra.GetValueOrDefault(field.Id) ?? "",
            };
            if (field.Bind == "facility" && record.FacilityName is not null)
            {
                session.Set("fname", record.FacilityName);
            }
            if (field.Bind == "booths" && record.Booths == 0 && field.IsRequired)
            {
                continue;
            }
            if (field.Kind == FieldType.Money && field.IsRequired && value == "0" && field.Min > 0)
            {
                continue;
            }
            if (value.Length == 0 && field.IsRequired)
            {
                continue;
            }
            session.SetAnswer(field.Id, value);
        }
    }

    /// <summary>Adds the record (and a new facility, when one was typed) with its audit entry; all or nothing.</summary>
    public static long Add(IBotStore store, SupportRecord record, NewFacility? facility, long userId, DateTimeOffset now)
    {
        return store.InTransaction(() =>
        {
            if (facility is not null)
            {
                record.FacilityId = EnsureFacility(store, facility, record.ProvinceId, now);
            }
            var id = store.Records.Add(record);
            store.Audit.Add(new AuditEntry
            {
                At = now, UserId = userId, Action = "create", Entity = "record",
                EntityId = id.ToString(CultureInfo.InvariantCulture), After = Json(record),
            });
            return id;
        });
    }

    /// <summary>Replaces a record with its corrected version and keeps before/after in the audit trail (as <paramref name="action"/>:
    /// "update" for a correction, "actual" for an estimate replaced by its actual figures).</summary>
    public static void Update(IBotStore store, SupportRecord before, SupportRecord after, NewFacility? facility, long userId, DateTimeOffset now,
        string action = "update")
    {
        store.InTransaction(() =>
        {
            if (facility is not null)
            {
                after.FacilityId = EnsureFacility(store, facility, after.ProvinceId, now);
            }
            after.UpdatedAt = now;
            store.Records.Update(after);
            store.Audit.Add(new AuditEntry
            {
                At = now, UserId = userId, Action = action, Entity = "record",
                EntityId = after.Id.ToString(CultureInfo.InvariantCulture), Before = Json(before), After = Json(after),
            });
            return 0;
        });
    }

    /// <summary>Deletes a record and keeps what it was in the audit trail.</summary>
    public static bool Delete(IBotStore store, SupportRecord before, long userId, DateTimeOffset now) =>
        store.InTransaction(() =>
        {
            if (!store.Records.Delete(before.Id))
            {
                return false;
            }
            store.Audit.Add(new AuditEntry
            {
                At = now, UserId = userId, Action = "delete", Entity = "record",
                EntityId = before.Id.ToString(CultureInfo.InvariantCulture), Before = Json(before),
            });
            return true;
        });

    private static long EnsureFacility(IBotStore store, NewFacility facility, string provinceId, DateTimeOffset now)
    {
        var normalized = VnText.FoldWords(facility.Name);
        var existing = store.Facilities.FindByName(provinceId, normalized);
        return existing?.Id ?? store.Facilities.Add(new Facility
        {
            Name = facility.Name,
            NormalizedName = normalized,
            ProvinceId = provinceId,
            Commune = facility.Commune,
            CraftVillage = facility.CraftVillage,
            Phone = facility.Phone,
            CreatedAt = now,
            CommuneCode = facility.CommuneCode,
            CommuneNotInList = facility.CommuneNotInList,
            LegalForm = facility.LegalForm,
            TaxId = facility.TaxId,
            PriorityGroups = facility.PriorityGroups?.ToList(),
        });
    }

    public static string Json(SupportRecord record) => JsonSerializer.Serialize(record, AuditJson);

    /// <summary>Whether the person may still correct or delete the record.</summary>
    public static bool CanChange(SupportRecord record, BotUser user, DateTimeOffset now, int windowDays) =>
        record.CreatedByUserId == user.Id && now - record.CreatedAt <= TimeSpan.FromDays(windowDays);

    /// <summary>One line per record for lists: "#12 · 15/05/2024 · Hội chợ · Gốm Phù Lãng · 3 gian hàng", in the reader's language
    /// ("… · 1,300 booths · funding 4.87 billion VND" in English; dates stay dd/MM/yyyy).</summary>
    public static string Line(SupportRecord r, BotContext ctx, bool withStatus = false)
    {
        var activity = ctx.Catalogue.Activity(r.ActivityId);
        var parts = new List<string> { "#" + r.Id.ToString(CultureInfo.InvariantCulture), VnFormat.Date(r.Date), (ctx.English ? activity?.EnglishName : activity?.ShortName) ?? r.ActivityId };
        if (r.FacilityName is { } f)
        {
            parts.Add(f);
        }
        if (r.Booths > 0)
        {
            parts.Add(ctx.Text("form.record_line.booths", ("count", (long)r.Booths)));
        }
        if (r.RevenueVnd > 0)
        {
            parts.Add(ctx.Text("form.record_line.revenue", ("amount", ctx.Numbers.Money(r.RevenueVnd))));
        }
        if (r.FundingVnd > 0)
        {
            parts.Add(ctx.Text("form.record_line.funding", ("amount", ctx.Numbers.Money(r.FundingVnd))));
        }
        if (r.Split is { Counterpart: > 0 } split)
        {
            parts.Add(ctx.Text("form.record_line.counterpart", ("amount", ctx.Numbers.Money(split.Counterpart))));
        }
        if (withStatus && r.Status == RecordStatus.Estimate)
        {
            parts.Add(ctx.Text("hforms.record_line.estimate"));
        }
        return string.Join(" · ", parts);
    }
}
