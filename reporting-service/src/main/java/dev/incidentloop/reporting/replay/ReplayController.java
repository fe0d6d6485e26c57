package dev.incidentloop.reporting.replay;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Start a rebuild of the read model ({@code POST}), and follow it ({@code GET}): events done of total, rate, time left. */
@RestController
class ReplayController {

    private final Replay replay;

    ReplayController(Replay replay) {
        this.replay = replay;
    }

    @PostMapping("/admin/replay")
    ResponseEntity<?> start() {
        boolean started;
        try {
            started = replay.start();
        } catch (ReplaySource.TruncatedHistory truncated) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, truncated.getMessage());
            problem.setTitle("Event history incomplete");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        if (!started) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a replay is running; follow it at GET /admin/replay");
        }
        return ResponseEntity.accepted().body(replay.progress());
    }

    @GetMapping("/admin/replay")
    ReplayProgress progress() {
        return replay.progress();
    }
}
