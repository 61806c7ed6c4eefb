package org.newsmentions.dedup;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * A kept article as counting sees it: its entities and the reach of its story.
 *
 * @param articleId the kept copy
 * @param copies articles that carried the story, the kept copy included
 * @param outlets distinct outlets among those copies
 * @param entities entities the kept copy mentions
 */
public record KeptStory(String articleId, int copies, Set<String> outlets, List<EntityRef> entities)
    implements Serializable {

  /** One entity mentioned by an article, with its mention count there. */
  public record EntityRef(String id, String name, String type, int mentions)
      implements Serializable {}
}
