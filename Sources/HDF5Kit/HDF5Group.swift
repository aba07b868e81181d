import CHDF5

/// One entry of a group: a child's name, path and kind.
package struct HDF5Entry: Equatable, Sendable {
    /// The child's name in its group.
    package let name: String
    /// The child's path in the file.
    package let path: String
    /// What the child is.
    package let kind: HDF5ObjectKind
}

/// An open group.
package final class HDF5Group: HDF5Object {
    /// The group's children, by byte order of their names.
    /// - Throws: `HDF5Error` when HDF5 cannot list them.
    package func children() throws -> [HDF5Entry] {
        try HDF5Library.locked {
            // One pass over the links (asking for each by index sorts them again each time).
            var links = LinkList()
            _ = try withUnsafeMutablePointer(to: &links) { links in
                try context.check(H5Literate(handle.id, H5_INDEX_NAME, H5_ITER_INC, nil, { _, name, info, links in
                    guard let name, let info, let links else { return -1 }
                    links.assumingMemoryBound(to: LinkList.self).pointee
                        .append((String(cString: name), info.pointee.type == H5L_TYPE_HARD))
                    return 0
                }, links), "list")
            }
            return try links.map { name, isHard in
                HDF5Entry(name: name, path: childPath(name), kind: isHard ? try kindOfObject(name) : .other)
            }
        }
    }

    /// The names of links and whether each is a hard link, as the iteration finds them.
    private typealias LinkList = [(name: String, isHard: Bool)]

    /// Every object below this group, depth first, children in name order, within
    /// ``HDF5TreeLimits``: a walk through a hostile file ends early with an error rather
    /// than late.
    /// - Throws: `HDF5Error` when HDF5 cannot list a group, when groups nest deeper than
    ///   ``HDF5TreeLimits/depth`` or the objects are more than ``HDF5TreeLimits/objects``.
    package func descendants() throws -> [HDF5Entry] {
        try HDF5Library.locked {
            var entries: [HDF5Entry] = []
            // The groups being listed, innermost last: each with its children and the next
            // one to visit. A child group is listed as soon as it is met (depth first).
            var open: [(group: HDF5Group, children: [HDF5Entry], next: Int)] = [(self, try children(), 0)]
            while let top = open.last {
                guard top.next < top.children.count else {
                    open.removeLast()
                    continue
                }
                let entry = top.children[top.next]
                open[open.count - 1].next += 1
                guard entries.count < HDF5TreeLimits.objects else {
                    throw context.error("list", "more than \(HDF5TreeLimits.objects) objects")
                }
                entries.append(entry)
                guard entry.kind == .group else { continue }
                guard open.count <= HDF5TreeLimits.depth else {
                    throw context.child(entry.path).error("list", "groups nested deeper than \(HDF5TreeLimits.depth)")
                }
                let group = try top.group.group(entry.name)
                open.append((group, try group.children(), 0))
            }
            return entries
        }
    }

    /// The kind of the object at the relative path `path` (`a/b/c`), or nil when there is
    /// none.
    /// - Throws: `HDF5Error` when HDF5 cannot look it up.
    package func kind(at path: String) throws -> HDF5ObjectKind? {
        try HDF5Library.locked {
            let components = path.split(separator: "/")
            var prefix = ""
            for component in components {
                prefix += prefix.isEmpty ? String(component) : "/" + component
                guard try context.check(H5Lexists(handle.id, prefix, chdf5_p_default()), "look up \(path)") > 0
                else { return nil }
            }
            return components.isEmpty ? .group : try kindOfLink(prefix)
        }
    }

    /// Opens the group at the relative path `name`.
    /// - Throws: `HDF5Error` naming the group when it cannot be opened.
    package func group(_ name: String) throws -> HDF5Group {
        try HDF5Library.locked {
            let path = childPath(name)
            let handle = try context.child(path).handle(H5Gopen2(handle.id, name, chdf5_p_default()), "open",
                                                         closer: H5Gclose)
            return HDF5Group(handle: handle, in: context, path: path)
        }
    }

    /// Creates the group `name`, without time stamps.
    /// - Throws: `HDF5Error` naming the group when it cannot be created.
    @discardableResult
    package func createGroup(_ name: String) throws -> HDF5Group {
        try HDF5Library.locked {
            let path = childPath(name)
            let context = context.child(path)
            let properties = try HDF5PropertyLists.untimed(chdf5_p_group_create(), context)
            let group = try context.handle(H5Gcreate2(handle.id, name, chdf5_p_default(), properties.id,
                                                      chdf5_p_default()), "create", closer: H5Gclose)
            return HDF5Group(handle: group, in: context, path: path)
        }
    }

    /// Opens the dataset at the relative path `name`.
    /// - Throws: `HDF5Error` naming the dataset when it cannot be opened.
    package func dataset(_ name: String) throws -> HDF5Dataset {
        try HDF5Library.locked {
            let path = childPath(name)
            let handle = try context.child(path).handle(H5Dopen2(handle.id, name, chdf5_p_default()), "open",
                                                         closer: H5Dclose)
            return HDF5Dataset(handle: handle, in: context, path: path)
        }
    }

    /// Removes the link `name` (the object goes when nothing else links to it; its
    /// space in the file is not reused).
    /// - Throws: `HDF5Error` naming the object when the link cannot be removed.
    package func removeLink(_ name: String) throws {
        try HDF5Library.locked {
            try context.child(childPath(name)).check(H5Ldelete(handle.id, name, chdf5_p_default()), "delete")
        }
    }

    /// The kind of the object the existing link `name` leads to.
    private func kindOfLink(_ name: String) throws -> HDF5ObjectKind {
        var link = H5L_info_t()
        try context.child(childPath(name)).check(H5Lget_info(handle.id, name, &link, chdf5_p_default()), "look up")
        return link.type == H5L_TYPE_HARD ? try kindOfObject(name) : .other
    }

    /// The kind of the object the hard link `name` leads to, from its header alone.
    private func kindOfObject(_ name: String) throws -> HDF5ObjectKind {
        var info = H5O_info_t()
        try context.child(childPath(name)).check(
            H5Oget_info_by_name2(handle.id, name, &info, UInt32(H5O_INFO_BASIC), chdf5_p_default()), "look up")
        switch info.type {
        case H5O_TYPE_GROUP: return .group
        case H5O_TYPE_DATASET: return .dataset
        default: return .other
        }
    }
}

/// Property lists that the writers share.
enum HDF5PropertyLists {
    /// A new property list of `propertyClass` (an object creation class) that stores no
    /// access, modification, change or birth times, so that equal contents give equal bytes.
    static func untimed(_ propertyClass: hid_t, _ context: HDF5Context) throws -> HDF5Handle {
        let list = try context.handle(H5Pcreate(propertyClass), "create", closer: H5Pclose)
        try context.check(H5Pset_obj_track_times(list.id, false), "create")
        return list
    }
}
