package org.songspace.subsonic;

import org.songspace.similarity.SimilarityService;
import org.songspace.state.StateStore;

/** What every group of Subsonic methods answers from: one search service, one catalogue, one state file. */
record Library(SimilarityService service, SubsonicCatalog catalog, FolderTree folders, StateStore state,
               ArtistMap artistMap, CoverArt covers) {
}
