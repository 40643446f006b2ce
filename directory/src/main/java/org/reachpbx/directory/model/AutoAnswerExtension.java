package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.rules.vocabulary.*;

/** Answers, plays its message and disconnects; no message can be left (AA-01, AA-02). */
@Entity
@Table(name = "ext_auto_answer")
@DiscriminatorValue("AUTO_ANSWER")
@Getter
@Setter
@JsonPropertyOrder({"number", "name", "sound"})
public class AutoAnswerExtension extends Extension {
    @Size(max = 255)
    @Column(name = "sound")
    private String sound;

    @Override
    public ExtensionType getType() {
        return ExtensionType.AUTO_ANSWER;
    }
}
