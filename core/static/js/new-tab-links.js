// The rich text editor's link entity keeps the "In neuem Tab öffnen" choice of the external
// link dialog (core/editorial/link_chooser.py) as `newTab`, and hands it back to the dialog when a link
// is opened again. Wagtail's own link source keeps only the address.
(() => {
  const { registerPlugin, LinkModalWorkflowSource } = window.draftail;

  class NewTabLinkSource extends LinkModalWorkflowSource {
    getChooserConfig(entity, selectedText) {
      const config = super.getChooserConfig(entity, selectedText);
      if (entity && entity.getData().newTab) {
        config.urlParams.link_new_tab = "1";
      }
      return config;
    }

    filterEntityData(data) {
      const entityData = super.filterEntityData(data);
      if (!data.id && data.new_tab) {
        entityData.newTab = true;
      }
      return entityData;
    }
  }

  // registerPlugin answers with the whole registry: a throwaway entry gives access to
  // Wagtail's LINK plugin, whose decorator and paste handling stay as they are.
  const entityTypes = registerPlugin({ type: "NEW_TAB_LINK_LOOKUP" });
  delete entityTypes.NEW_TAB_LINK_LOOKUP;
  registerPlugin({ ...entityTypes.LINK, source: NewTabLinkSource });
})();
