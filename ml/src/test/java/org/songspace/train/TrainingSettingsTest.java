package org.songspace.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.songspace.model.EncoderType;
import org.songspace.model.Pooling;
import org.songspace.model.SavedModel;

/** model.json records every training option: an option added to the trainer but not to the record fails here. */
class TrainingSettingsTest {
    @Test
    void everyOptionIsRecordedUnderItsName() {
        Set<String> recorded = Arrays.stream(SavedModel.TrainingSettings.class.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet());
        for (RecordComponent option : TrainingOptions.class.getRecordComponents()) {
            assertTrue(recorded.contains(option.getName()), "model.json does not record the option " + option.getName());
        }
    }

    @Test
    void stepsPerEpochReachesTheRecord() {
        SavedModel.TrainingSettings s = TrainingOptions.builder().stepsPerEpoch(7).build().toRecord();
        assertEquals(7, s.stepsPerEpoch());
    }

    @Test
    void theTripletEncoderPoolsByAverageAndMaximumByDefaultTheOthersByAverage() {
        TrainingOptions.PoolingChoice pooling = TrainingOptions.defaults().pooling();
        assertEquals(Pooling.AVERAGE_MAX, pooling.resolve(EncoderType.TRIPLET));
        for (EncoderType type : new EncoderType[] {EncoderType.CRNN, EncoderType.CONTRASTIVE, EncoderType.CAE}) {
            assertEquals(Pooling.AVERAGE, pooling.resolve(type), type.id());
        }
        assertEquals(Pooling.AVERAGE, TrainingOptions.PoolingChoice.AVERAGE.resolve(EncoderType.TRIPLET));
    }
}
