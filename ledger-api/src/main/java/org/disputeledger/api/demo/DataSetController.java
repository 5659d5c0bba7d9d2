package org.disputeledger.api.demo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.disputeledger.api.web.ProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Data sets", description = "Data sets imported into this ledger and what their import refused")
@RestController
class DataSetController {

    private final DemoDataImporter importer;

    DataSetController(DemoDataImporter importer) {
        this.importer = importer;
    }

    @Operation(summary = "The report of the demo data import: rows recorded, and every refused row with its reason")
    @GetMapping("/api/v1/data-sets/" + DemoDataImporter.DATA_SET)
    ResponseEntity<?> demoDataReport() {
        return importer.lastReport(DemoDataImporter.DATA_SET).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemHandler.problem(
                        HttpStatus.NOT_FOUND, "data-set-not-imported", "Data set not imported",
                        "the demo data set was not imported into this ledger", "dataSet",
                        "A data set's report exists once it was imported")));
    }
}
