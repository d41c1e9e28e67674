package dev.setpoint.analytics.interfaces.rest;

import static dev.setpoint.analytics.interfaces.rest.ReportCsv.text;

import dev.setpoint.contracts.audit.AuditRecord;
import java.util.List;

/**
 * A page of the audit trail as CSV, written as the reports are ({@link ReportCsv}: RFC 4180, text a
 * spreadsheet would take for a formula quoted): one row per record, newest first, the states before
 * and after as their JSON text; an absent field is an empty cell.
 */
final class AuditCsv {
  static final String HEADER =
      "at,actor,role,address,origin,kind,action,target,device,site,room,before,after,id";

  private AuditCsv() {}

  static String of(List<AuditRecord> records) {
    ReportCsv.Csv csv = new ReportCsv.Csv();
    csv.row(HEADER);
    for (AuditRecord r : records) {
      csv.cells(
          text(r.at().toString()),
          text(r.actor()),
          text(r.role()),
          text(r.address()),
          text(r.origin()),
          text(r.kind()),
          text(r.action()),
          text(r.target()),
          text(r.device()),
          text(r.site()),
          text(r.room()),
          text(r.before()),
          text(r.after()),
          text(r.id()));
    }
    return csv.toString();
  }
}
