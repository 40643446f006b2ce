package org.reachpbx.directory.sound;

/** An upload that cannot become a sound file; the message names the problem in a short sentence. */
public class SoundRejectedException extends RuntimeException {

    private final SoundProblem problem;

    public SoundRejectedException(SoundProblem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public SoundProblem getProblem() {
        return problem;
    }
}
