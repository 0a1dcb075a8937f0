// Emscripten JS library (linked with --js-library): the browser's file picker behind
// Host::PickFiles (src/platform/web/file_picker.cpp). The canvas cannot open a file dialog, so a
// hidden <input type=file> does, inside the user's gesture; the chosen files' bytes (and a small
// square preview of images, decoded by the browser) go back to C++ one file at a time, then a
// "done" call hands the whole batch to the portal at the start of the next frame.
mergeInto(LibraryManager.library, {
  $AftercareFiles: {
    // A square preview (cover crop) as RGBA bytes, or null when the browser cannot decode it.
    thumbnail: function (file, size) {
      if (!/^image\//.test(file.type) || typeof createImageBitmap !== 'function') return Promise.resolve(null);
      return createImageBitmap(file).then(function (bitmap) {
        var canvas = document.createElement('canvas');
        canvas.width = size;
        canvas.height = size;
        var context = canvas.getContext('2d');
        var side = Math.min(bitmap.width, bitmap.height);
        context.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, size, size);
        bitmap.close();
        return new Uint8Array(context.getImageData(0, 0, size, size).data.buffer);
      }).catch(function () { return null; });
    },

    // Bytes only for files within the limit: a 2 GB video picked by mistake is never read.
    read: function (file, maxBytes, thumbSize) {
      if (file.size > maxBytes) return Promise.resolve({ file: file, bytes: null, thumb: null });
      return file.arrayBuffer().then(function (buffer) {
        return AftercareFiles.thumbnail(file, thumbSize).then(function (thumb) {
          return { file: file, bytes: new Uint8Array(buffer), thumb: thumb };
        });
      }).catch(function () { return { file: file, bytes: null, thumb: null }; });
    },

    copyToHeap: function (bytes) {
      if (!bytes || bytes.length === 0) return 0;
      var ptr = _malloc(bytes.length);
      HEAPU8.set(bytes, ptr);
      return ptr;
    },

    // One file to C++ (aftercare_file_picked copies everything it is given, so it is freed here).
    handOver: function (platform, pickId, result, thumbSize) {
      var name = result.file.name || '';
      var type = result.file.type || '';
      var nameSize = lengthBytesUTF8(name) + 1;
      var typeSize = lengthBytesUTF8(type) + 1;
      var namePtr = _malloc(nameSize);
      var typePtr = _malloc(typeSize);
      stringToUTF8(name, namePtr, nameSize);
      stringToUTF8(type, typePtr, typeSize);
      var bytesPtr = AftercareFiles.copyToHeap(result.bytes);
      var thumbPtr = AftercareFiles.copyToHeap(result.thumb);
      Module['_aftercare_file_picked'](platform, pickId, namePtr, typePtr, result.file.size,
                                       bytesPtr, result.bytes ? result.bytes.length : 0,
                                       thumbPtr, result.thumb ? thumbSize : 0);
      [namePtr, typePtr, bytesPtr, thumbPtr].forEach(function (ptr) { if (ptr) _free(ptr); });
    },
  },

  aftercare_pick_files__deps: ['$AftercareFiles', 'malloc', 'free'],
  aftercare_pick_files: function (platform, pickId, accept, maxBytes, thumbSize) {
    var input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = UTF8ToString(accept);
    input.style.display = 'none';
    // In the document (not detached), so every browser delivers its change event.
    document.body.appendChild(input);
    input.addEventListener('cancel', function () { input.remove(); });
    input.addEventListener('change', function () {
      var files = Array.prototype.slice.call(input.files || []);
      input.remove();
      Promise.all(files.map(function (file) { return AftercareFiles.read(file, maxBytes, thumbSize); }))
        .then(function (results) {
          results.forEach(function (result) { AftercareFiles.handOver(platform, pickId, result, thumbSize); });
          Module['_aftercare_files_done'](platform, pickId);
        });
    });
    input.click();
  },
});
